import type { Metadata } from "next";
import { BandBadge } from "@/components/band-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/session";
import {
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
  QUESTION_BANKS,
} from "@/lib/domain/question-bank";
import {
  AUTONOMY_LABELS,
  BAND_LABELS,
  BAND_RULES,
  type BandRule,
  PROVISIONAL_BELOW,
  READ_ONLY_FLOOR,
} from "@/lib/domain/scoring";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "How the score works · Preflight" };

/** The scoring model in words and tables, generated from the rules the engine runs. */
export default async function ScoringPage({ params }: { params: Promise<{ org: string }> }) {
  await requireMember((await params).org);
  const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!;
  const weights = bank.dimensions.reduce((s, d) => s + d.weight, 0);
  const weightColumns: Column<(typeof bank.dimensions)[number]>[] = [
    { key: "dimension", header: "Dimension", rowHeader: true, cell: (d) => d.title },
    {
      key: "share",
      header: "Share of the overall score",
      align: "right",
      cell: (d) => formatPercent(d.weight / weights),
    },
  ];
  const band: Column<BandRule> = {
    key: "band",
    header: "Band",
    rowHeader: true,
    cell: (b) => <BandBadge band={b.band} />,
  };
  const bandColumns: Column<BandRule>[] = [
    band,
    { key: "score", header: "Score from", align: "right", cell: (b) => b.threshold },
    {
      key: "dimension",
      header: "Every dimension at least",
      align: "right",
      cell: (b) => b.dimensionFloor,
    },
    {
      key: "confidence",
      header: "Confidence at least",
      align: "right",
      cell: (b) => formatPercent(b.confidenceFloor),
    },
  ];
  const stageColumns: Column<BandRule>[] = [
    band,
    { key: "start", header: "Recommended start", cell: (b) => STAGE_LABELS[b.start.stage] },
    { key: "autonomy", header: "Autonomy", cell: (b) => AUTONOMY_LABELS[b.start.autonomy] },
    {
      key: "furthest",
      header: "Furthest stage without an override",
      cell: (b) => STAGE_LABELS[b.maxStage],
    },
  ];
  return (
    <article className="max-w-4xl">
      <PageHeader
        title="How the score works"
        description={`Question bank ${bank.version}: ${bank.questions.length} questions in ${bank.dimensions.length} dimensions, scored the same way every time. Every number on a result page traces back to these rules.`}
      />

      <div className="grid gap-4">
        <Card>
          <CardHeader title="1. Answers and scores" />
          <div className="grid gap-2 text-sm">
            <p>
              Each answer option scores from 0 (a production risk) to 4 (production-grade). A
              dimension's score is the weighted mean of its answers, scaled to 0–100; the overall
              score is the weighted mean of the dimensions.
            </p>
            <p>
              Questions about actions the workflow does not take are left out of the averages: a
              workflow that never moves money is not scored on payment limits, for better or worse.
              A follow-up question that is asked only after a weak answer counts as settled when the
              earlier answer was good. Which actions the workflow takes comes from its action
              inventory, which every assessment needs before it can be submitted and which is frozen
              with it.
            </p>
          </div>
          <div className="mt-3">
            <DataTable caption="Dimension weights" columns={weightColumns} rows={bank.dimensions} />
          </div>
        </Card>

        <Card data-testid="scoring-unknowns">
          <CardHeader title="2. “Don't know” is a finding, not a fact" />
          <ul className="grid list-disc gap-2 pl-5 text-sm">
            <li>
              An unknown answer never helps: in the score that decides the band it counts as a gap
              (0 of 4), so answering “don't know” can never lift a verdict. The result also shows
              the score on the known answers alone, so you can see what is known apart from what is
              not.
            </li>
            <li>
              It is never reported as if the worst answer were true. A blocker that only an unknown
              answer could trigger is shown as <strong>unverified</strong>, with the question to
              settle (“find out whether …”). Until someone finds out, it limits the band as a
              confirmed one would.
            </li>
            <li>
              It lowers confidence. A verdict is <strong>provisional</strong> when settling the
              unknowns could raise the band, or when confidence is below{" "}
              {formatPercent(PROVISIONAL_BELOW)}; recommendations then list what to find out first.
            </li>
          </ul>
        </Card>

        <Card>
          <CardHeader
            title="3. The band: the lowest of five limits"
            description="Weak answers cannot average away: each limit below can hold the band down on its own."
          />
          <DataTable
            caption="What each band needs: score, weakest dimension and confidence"
            columns={bandColumns}
            rows={[...BAND_RULES]}
            rowKey={(b) => b.band}
            testId="scoring-bands"
          />
          <ol className="mt-3 grid list-decimal gap-1.5 pl-5 text-sm">
            <li>The overall score's band, from the thresholds above.</li>
            <li>
              Blockers: certain answers cap the band whatever the average says (listed below).
            </li>
            <li>The weakest dimension: a dimension far below the rest holds the band down.</li>
            <li>
              Confidence: a known answer earns half a point, evidence the other half — a link or a
              document or ticket reference in full, a note by half. Limited production needs answers
              and evidence behind many of them; answers alone reach supervised at most.
            </li>
            <li>
              A workflow whose inventory only reads is never below{" "}
              {BAND_LABELS[READ_ONLY_FLOOR].toLowerCase()}: it changes nothing, so it can always be
              tried beside the people doing the work.
            </li>
          </ol>
        </Card>

        <Card>
          <CardHeader
            title="4. The band bounds the pilot"
            description="Every gate checks that the band of the use case's latest submitted assessment allows the stage the pilot enters. Going further needs an owner or admin to override the gate with a written justification, which the audit log keeps."
          />
          <DataTable
            caption="Where each band starts and how far it may go"
            columns={stageColumns}
            rows={[...BAND_RULES]}
            rowKey={(b) => b.band}
            testId="scoring-stages"
          />
          <p className="mt-2 text-xs text-muted-foreground">
            The top band allows production because from limited production on, the gate's live
            measurements (accuracy, incidents, sign-offs) decide, not the questionnaire.
          </p>
        </Card>

        <Card>
          <CardHeader title={`5. Blockers in question bank ${bank.version}`} />
          <ul className="grid gap-2 text-sm" data-testid="scoring-blockers">
            {bank.blockers.map((b) => (
              <li key={b.id} className="flex flex-wrap items-baseline gap-2">
                <BandBadge band={b.capBand} />
                <span className="min-w-0 flex-1 basis-64">{b.reason}</span>
              </li>
            ))}
          </ul>
        </Card>

        <Card>
          <CardHeader title="6. Versions" />
          <p className="text-sm">
            An assessment is always scored with the question bank and the model it was taken on.
            Shipped versions: {Object.keys(QUESTION_BANKS).join(", ")}. Assessments on v1 keep their
            v1 score, in which “don't know” counted as the worst answer and questions that did not
            apply counted as no risk. A re-assessment starts on the current bank and carries over
            every answer whose question and option are unchanged, saying which were not carried.
          </p>
        </Card>
      </div>
    </article>
  );
}
