import { CircleAlert, Lightbulb, ListChecks, OctagonAlert } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { BandBadge } from "@/components/band-badge";
import { ReadinessRadar } from "@/components/charts/readiness-radar";
import { ScoreTrend } from "@/components/charts/score-trend";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAssessment, listAssessments, previewResult } from "@/db/queries/assessments";
import { can } from "@/lib/auth/permissions";
import { requireMember } from "@/lib/auth/session";
import {
  AUTONOMY_LABELS,
  BAND_LABELS,
  BAND_THRESHOLDS,
  BANDS,
  type Band,
} from "@/lib/domain/scoring";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatDate, formatDateTime } from "@/lib/format";
import { found } from "@/lib/pages";
import { PrintButton } from "./_components/print-button";

export const metadata: Metadata = { title: "Assessment result · Preflight" };

const signed = (n: number) => (n > 0 ? `+${n}` : n === 0 ? "±0" : `${n}`);

export default async function AssessmentResultsPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const assessment = await found(getAssessment(member, id));
  const result = assessment.result ?? previewResult(assessment);
  const draft = assessment.status !== "submitted";
  const [history, previous] = await Promise.all([
    listAssessments(member, { useCaseId: assessment.useCaseId, status: "submitted" }),
    assessment.previousId ? getAssessment(member, assessment.previousId) : Promise.resolve(null),
  ]);
  const previousResult = previous?.result ?? null;
  const trend = [...history]
    .filter((a) => a.overall !== null && a.submittedAt)
    .reverse()
    .map((a) => ({ label: formatDate(a.submittedAt), overall: a.overall ?? 0 }));
  const prevScore = (dimensionId: string) =>
    previousResult?.dimensions.find((d) => d.id === dimensionId)?.score ?? null;
  const base = `/o/${member.orgSlug}`;

  return (
    <article className="print:text-black">
      <p className="mb-2 text-sm no-print">
        <Link
          href={`${base}/use-cases/${assessment.useCaseId}`}
          className="text-muted-foreground hover:underline"
        >
          ← {assessment.useCaseName}
        </Link>
      </p>
      <PageHeader
        title={`Is “${assessment.useCaseName}” ready for production?`}
        description={
          draft
            ? "Draft: this assessment has not been submitted; the result below updates as answers change."
            : `Submitted ${formatDateTime(assessment.submittedAt)} · question bank ${assessment.bankVersion}`
        }
        action={
          <div className="flex gap-2 no-print">
            {draft && can(member, "assessment:answer") ? (
              <Button asChild>
                <Link href={`${base}/assessments/${id}`}>Continue answering</Link>
              </Button>
            ) : null}
            <PrintButton />
          </div>
        }
      />

      <section aria-label="Verdict" className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Card>
          <p className="text-sm text-muted-foreground">Readiness score</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="overall-score">
            {Math.round(result.overall)}
            <span className="text-base font-normal text-muted-foreground"> / 100</span>
          </p>
          {previousResult ? (
            <p className="mt-1 text-xs text-muted-foreground">
              {signed(Math.round(result.overall - previousResult.overall))} since the previous
              assessment
            </p>
          ) : null}
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Band</p>
          <p className="mt-2" data-testid="band">
            <BandBadge band={result.band} className="text-sm" />
          </p>
          {result.band !== result.scoreBand ? (
            <p className="mt-2 text-xs text-muted-foreground">
              The score alone would give {BAND_LABELS[result.scoreBand].toLowerCase()}; capped by{" "}
              {result.blockers.length === 1 ? "a blocker" : "blockers"}.
            </p>
          ) : null}
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Confidence</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="confidence">
            {Math.round(result.confidence * 100)}%
          </p>
          <p
            className="mt-1 text-xs text-muted-foreground"
            title="Answered questions count half; answers with evidence count in full."
          >
            {result.counts.answered} of {result.counts.applicable} answered,{" "}
            {result.counts.evidenced} with evidence
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Recommended start</p>
          <p className="mt-1 font-semibold">{STAGE_LABELS[result.recommendedStage]}</p>
          <p className="mt-1 text-xs text-muted-foreground">{AUTONOMY_LABELS[result.autonomy]}</p>
        </Card>
      </section>

      {result.blockers.length ? (
        <Card className="mb-6 border-destructive/50">
          <CardHeader
            title="Blockers"
            description="These cap the band whatever the average says. Each names the answers that caused it."
          />
          <ul className="grid gap-4" data-testid="blockers">
            {result.blockers.map((b) => (
              <li key={b.id} className="flex gap-3">
                <OctagonAlert className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />
                <div className="text-sm">
                  <p className="font-medium">
                    Capped at {BAND_LABELS[b.capBand].toLowerCase()}: {b.reason}
                  </p>
                  <ul className="mt-1 list-disc pl-5 text-muted-foreground">
                    {b.causes.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Readiness by dimension"
            description={`Each dimension scored 0–100${previousResult ? ", with the previous assessment dashed" : ""}.`}
          />
          <ReadinessRadar
            hasPrevious={Boolean(previousResult)}
            data={result.dimensions.map((d) => ({
              dimension: d.title.split(/[ ,]/)[0] ?? d.title,
              current: d.score,
              previous: prevScore(d.id),
            }))}
          />
          <table className="mt-2 w-full text-sm" data-testid="dimension-table">
            <caption className="sr-only">
              Scores by dimension (table alternative to the chart)
            </caption>
            <thead className="text-left text-xs text-muted-foreground">
              <tr className="border-b">
                <th scope="col" className="py-1.5 pr-2 font-medium">
                  Dimension
                </th>
                <th scope="col" className="py-1.5 pr-2 text-right font-medium">
                  Score
                </th>
                {previousResult ? (
                  <th scope="col" className="py-1.5 pr-2 text-right font-medium">
                    Change
                  </th>
                ) : null}
                <th scope="col" className="py-1.5 text-right font-medium">
                  Answered
                </th>
              </tr>
            </thead>
            <tbody>
              {result.dimensions.map((d) => {
                const before = prevScore(d.id);
                return (
                  <tr key={d.id} className="border-b last:border-0">
                    <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                      {d.title}
                    </th>
                    <td className="py-1.5 pr-2 text-right tabular-nums">{Math.round(d.score)}</td>
                    {previousResult ? (
                      <td className="py-1.5 pr-2 text-right tabular-nums">
                        {before === null ? "—" : signed(Math.round(d.score - before))}
                      </td>
                    ) : null}
                    <td className="py-1.5 text-right text-muted-foreground tabular-nums">
                      {d.answered}/{d.applicable}
                      {d.dontKnow ? ` (${d.dontKnow} don't know)` : ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Card>
        <Card>
          <CardHeader
            title="What would raise readiness most"
            description="Weak answers, ordered by how many points of the overall score fixing them would add."
          />
          {result.recommendations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No weak answers: nothing to recommend.</p>
          ) : (
            <ol className="grid gap-3" data-testid="recommendations">
              {result.recommendations.slice(0, 8).map((r) => (
                <li key={r.questionId} className="flex gap-3 text-sm">
                  <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
                  <div>
                    <p>{r.text}</p>
                    <p className="mt-0.5 text-xs text-muted-foreground">
                      +{r.gain} points · “{r.prompt}” — now: {r.currentAnswer}
                    </p>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {result.recommendations.length > 8 ? (
            <p className="mt-3 text-xs text-muted-foreground">
              And {result.recommendations.length - 8} more with smaller gains.
            </p>
          ) : null}
        </Card>
      </div>

      <div className="mb-6 grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Assumptions register"
            description="Beliefs this workflow depends on, implied by the confident answers. Verify them during the pilot."
          />
          {result.assumptions.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No confident answers yet, so no assumptions recorded.
            </p>
          ) : (
            <ul className="grid gap-2 text-sm" data-testid="assumptions">
              {result.assumptions.map((a) => (
                <li key={a.questionId} className="flex gap-2">
                  <ListChecks
                    className="mt-0.5 size-4 shrink-0 text-muted-foreground"
                    aria-hidden
                  />
                  <span>
                    {a.assumption}{" "}
                    <span className="text-xs text-muted-foreground">
                      {a.evidence ? `Evidence: ${a.evidence}` : "No evidence given yet."}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader
            title="Readiness over time"
            description="Overall score of each submitted assessment of this use case; the dotted line marks limited production (80)."
          />
          {trend.length < 2 ? (
            <p className="text-sm text-muted-foreground">
              {trend.length === 1
                ? "Only one submitted assessment so far."
                : "No submitted assessment yet."}{" "}
              Re-assess after changes to see the trend.
            </p>
          ) : (
            <>
              <ScoreTrend data={trend} />
              <table className="sr-only">
                <caption>Overall score by submission date</caption>
                <tbody>
                  {trend.map((t) => (
                    <tr key={t.label}>
                      <th scope="row">{t.label}</th>
                      <td>{t.overall}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Card>
      </div>

      <Card>
        <CardHeader
          title="How this result was calculated"
          description="Every number above, traced to the answers."
        />
        <ol className="grid list-decimal gap-1 pl-5 text-sm" data-testid="trace">
          {result.trace.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ol>
        <p className="mt-3 text-xs text-muted-foreground">
          Bands by score:{" "}
          {BANDS.map((b: Band) => `${BAND_LABELS[b]} from ${BAND_THRESHOLDS[b]}`).join(" · ")}.
          “Don't know” and unanswered questions score as risk.
        </p>
      </Card>
      {result.counts.unanswered > 0 && draft ? (
        <p className="mt-4 flex items-center gap-1.5 text-sm text-muted-foreground no-print">
          <CircleAlert className="size-4" aria-hidden /> {result.counts.unanswered} questions are
          still unanswered.
        </p>
      ) : null}
    </article>
  );
}
