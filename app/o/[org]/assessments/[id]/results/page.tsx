import {
  CircleAlert,
  CircleHelp,
  Lightbulb,
  ListChecks,
  OctagonAlert,
  PackageSearch,
} from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { BandBadge } from "@/components/band-badge";
import { ReadinessRadar } from "@/components/charts/readiness-radar";
import { ScoreTrend } from "@/components/charts/score-trend";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { IconSprite, SpriteIcon } from "@/components/ui/icon-sprite";
import { ReportHeader } from "@/components/ui/report-header";
import { RoomDisagreements } from "@/components/workshops/room-disagreements";
import { getAssessment, listAssessments, previewResult } from "@/db/queries/assessments";
import { getRoomDisagreements } from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { AUTONOMY_LABELS, answerProgress, BAND_LABELS, bandIndex } from "@/lib/domain/scoring";
import { STAGE_LABELS } from "@/lib/domain/stages";
import {
  formatDate,
  formatDateTime,
  formatPercent,
  formatScore,
  formatScoreDelta,
} from "@/lib/format";
import { found } from "@/lib/pages";
import { cn } from "@/lib/utils";
import { AssumptionList, RecommendationList } from "./_components/result-lists";

export const metadata: Metadata = { title: "Assessment result · Preflight" };

const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** One figure of the verdict, under its label. */
/** The icons that lead the items of the report's long lists, drawn once on the page. */
const LIST_ICONS = {
  "results-find-out": CircleHelp,
  "results-inventory": PackageSearch,
  "results-assumption": ListChecks,
  "results-recommendation": Lightbulb,
};
type ListIcon = keyof typeof LIST_ICONS;

/** A list item led by a small muted icon (of `LIST_ICONS`), smaller on paper. */
function IconItem({
  icon,
  className,
  children,
}: {
  icon: ListIcon;
  className?: string;
  children: ReactNode;
}) {
  return (
    <li className={cn("flex gap-2", className)}>
      <SpriteIcon id={icon} className="mt-0.5 size-4 shrink-0 text-muted-foreground print:size-3" />
      {children}
    </li>
  );
}

function VerdictCard({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Card>
      <p className="text-sm text-muted-foreground">{label}</p>
      {children}
    </Card>
  );
}

/** A card of blockers, each beside its icon, printed in two columns when there are several. */
function BlockerCard({
  title,
  description,
  className,
  testId,
  icon,
  items,
}: {
  title: string;
  description: string;
  className: string;
  testId: string;
  icon: ReactNode;
  items: { id: string; body: ReactNode }[];
}) {
  if (items.length === 0) return null;
  return (
    <Card className={`mb-6 print:mb-2 ${className}`}>
      <CardHeader title={title} description={description} />
      <ul
        className={`grid gap-4 print:block print:gap-6 ${items.length > 1 ? "print:columns-2" : ""}`}
        data-testid={testId}
      >
        {items.map((item) => (
          <li key={item.id} className="flex gap-3 print:mb-2 print:gap-1.5">
            {icon}
            <div className="min-w-0 text-sm">{item.body}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

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
  const [history, previous, room] = await Promise.all([
    listAssessments(member, { useCaseId: assessment.useCaseId, status: "submitted" }),
    assessment.previousId ? getAssessment(member, assessment.previousId) : Promise.resolve(null),
    getRoomDisagreements(member, assessment.id),
  ]);
  const previousResult = previous?.result ?? null;
  const trend = [...history]
    .filter((a) => a.overall !== null && a.submittedAt)
    .reverse()
    .map((a) => ({ label: formatDate(a.submittedAt), overall: a.overall ?? 0 }));
  const prevScore = (dimensionId: string) =>
    previousResult?.dimensions.find((d) => d.id === dimensionId)?.score ?? null;
  const base = `/o/${member.orgSlug}`;
  const unknownCount = result.counts.dontKnow + result.counts.unanswered;
  const progress = answerProgress(result);
  const confirmed = result.blockers.filter((b) => b.status === "confirmed");
  const unverified = result.blockers.filter((b) => b.status === "unverified");
  // Blockers are listed in full below; here they are one limit among the others.
  const blockerCaps = result.caps.filter((c) => c.source === "blocker");
  const lowestBlocker = blockerCaps.reduce<(typeof blockerCaps)[number] | null>(
    (low, c) => (low === null || bandIndex(c.band) < bandIndex(low.band) ? c : low),
    null,
  );
  const caps = [
    ...result.caps.filter((c) => c.source !== "blocker"),
    ...(lowestBlocker
      ? [
          {
            ...lowestBlocker,
            binding: blockerCaps.some((c) => c.binding),
            text: `Blockers: ${confirmed.length} confirmed${unverified.length ? `, ${unverified.length} unverified` : ""}, the lowest capping at ${BAND_LABELS[lowestBlocker.band].toLowerCase()} (listed below).`,
          },
        ]
      : []),
  ].sort((a, b) => bandIndex(a.band) - bandIndex(b.band));
  const blockerTitle = (id: string) => id.replaceAll("_", " ");
  // Printed smaller and tighter, beside the radar.
  const printCell = "print:py-1 print:text-xs";
  const dimensionColumns: Column<(typeof result.dimensions)[number]>[] = [
    {
      key: "dimension",
      header: "Dimension",
      rowHeader: true,
      cell: (d) => d.title,
      className: printCell,
    },
    {
      key: "score",
      header: "Score",
      align: "right",
      cell: (d) => formatScore(d.score),
      className: printCell,
    },
    ...(previousResult
      ? [
          {
            key: "change",
            header: "Change",
            align: "right" as const,
            cell: (d: (typeof result.dimensions)[number]) => {
              const before = prevScore(d.id);
              return before === null ? "—" : formatScoreDelta(d.score - before);
            },
            className: printCell,
          },
        ]
      : []),
    {
      key: "answered",
      header: "Answered",
      align: "right",
      cell: (d) =>
        `${d.answered}/${d.applicable}${d.dontKnow ? ` (${d.dontKnow} don't know)` : ""}`,
      className: `text-muted-foreground ${printCell}`,
    },
  ];

  return (
    <article className="report print:text-black" data-testid="report">
      <IconSprite icons={LIST_ICONS} />
      <ReportHeader
        kind="Preflight readiness report"
        orgName={member.orgName}
        back={{ href: `${base}/use-cases/${assessment.useCaseId}`, label: assessment.useCaseName }}
        title={`Is “${assessment.useCaseName}” ready for production?`}
        description={
          <>
            <span className="hidden print:inline">Use case: {assessment.useCaseName} · </span>
            {draft
              ? "Draft: this assessment has not been submitted; the result below updates as answers change"
              : `Submitted ${formatDateTime(assessment.submittedAt)}`}{" "}
            · question bank {result.bankVersion}, scoring model {result.scoringModel}
          </>
        }
        actions={
          draft && can(member, "assessment:answer") ? (
            <ButtonLink href={`${base}/assessments/${id}`}>Continue answering</ButtonLink>
          ) : null
        }
      />

      <section
        aria-label="Verdict"
        className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:mb-2 print:grid-cols-4 print:gap-2"
      >
        <VerdictCard label="Readiness score">
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="overall-score">
            {formatScore(result.overall)}
            <span className="text-base font-normal text-muted-foreground"> / 100</span>
          </p>
          {result.knownScore !== null && unknownCount > 0 ? (
            <p className="mt-1 text-xs text-muted-foreground" data-testid="known-score">
              {formatScore(result.knownScore)} on the {result.counts.answered} known answers;{" "}
              {unknownCount === 1
                ? "the unknown one counts as a gap until settled."
                : `the ${unknownCount} unknown ones count as gaps until settled.`}
            </p>
          ) : null}
          {previousResult ? (
            <p className="mt-1 text-xs text-muted-foreground" data-testid="score-change">
              {formatScoreDelta(result.overall - previousResult.overall)} since the previous
              assessment ({formatScore(previousResult.overall)})
            </p>
          ) : null}
        </VerdictCard>
        <VerdictCard label="Band">
          <p className="mt-2 flex flex-wrap items-center gap-2" data-testid="band">
            <BandBadge band={result.band} className="text-sm" />
            {result.provisional ? (
              <Badge tone="warning" data-testid="provisional">
                Provisional
              </Badge>
            ) : null}
          </p>
          {result.provisional && result.bestCaseBand !== result.band ? (
            <p className="mt-2 text-xs text-muted-foreground">
              Could reach {BAND_LABELS[result.bestCaseBand].toLowerCase()} once the unknown answers
              are settled, if they turn out well.
            </p>
          ) : result.band !== result.scoreBand ? (
            <p className="mt-2 text-xs text-muted-foreground">
              The score alone would give {BAND_LABELS[result.scoreBand].toLowerCase()}; see what
              decided the band below.
            </p>
          ) : null}
        </VerdictCard>
        <VerdictCard label="Confidence">
          <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="confidence">
            {formatPercent(result.confidence)}
          </p>
          <p
            className="mt-1 text-xs text-muted-foreground"
            title="Answered questions count half; answers with evidence count in full."
          >
            <span data-testid="answer-counts">{progress.text}</span>; {result.counts.evidenced} with
            evidence
          </p>
        </VerdictCard>
        <VerdictCard label="Recommended start">
          <p className="mt-1 font-semibold">{STAGE_LABELS[result.recommendedStage]}</p>
          <p className="mt-1 text-xs text-muted-foreground">{AUTONOMY_LABELS[result.autonomy]}</p>
          <p className="mt-1 text-xs text-muted-foreground" data-testid="max-stage">
            Furthest without an override: {STAGE_LABELS[result.maxStage].toLowerCase()}
          </p>
        </VerdictCard>
      </section>

      {caps.length ? (
        <Card className="mb-6 print:mb-2">
          <CardHeader
            title="What decided the band"
            description="The band is the lowest of these limits. The one that decided it is marked."
          />
          <ul className="grid gap-2 text-sm print:gap-1" data-testid="band-caps">
            {caps.map((c) => (
              <li key={`${c.source}-${c.text}`} className="flex flex-wrap items-baseline gap-2">
                <BandBadge band={c.band} />
                {c.binding ? <Badge tone="info">Decided the band</Badge> : null}
                <span className="min-w-0 flex-1 basis-64">{c.text}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-muted-foreground no-print">
            <Link href={`${base}/scoring`} className="underline">
              How the score works
            </Link>
          </p>
        </Card>
      ) : null}

      <BlockerCard
        title={`Blockers (${confirmed.length})`}
        description="Confirmed by the answers: these cap the band whatever the average says. Each names the answers that caused it."
        className="border-destructive/50"
        testId="blockers"
        icon={
          <OctagonAlert
            className="mt-0.5 size-5 shrink-0 text-destructive print:size-3.5"
            aria-hidden
          />
        }
        items={confirmed.map((b) => ({
          id: b.id,
          body: (
            <>
              <p className="font-medium">
                Capped at {BAND_LABELS[b.capBand].toLowerCase()}: {b.reason}
              </p>
              <ul className="mt-1 list-disc pl-5 text-muted-foreground print:mt-0.5 print:pl-4 print:text-xs">
                {b.causes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          ),
        }))}
      />

      <BlockerCard
        title={`Unverified blockers (${unverified.length})`}
        description="Nobody said these are true: they are possible because some answers are not known. Until someone finds out, they hold the band down as if they were."
        className={`border-warning/50 ${unverified.length <= 3 ? "keep-together" : ""}`}
        testId="unverified-blockers"
        icon={
          <CircleHelp className="mt-0.5 size-5 shrink-0 text-warning print:size-3.5" aria-hidden />
        }
        items={unverified.map((b) => ({
          id: b.id,
          body: (
            <>
              <p className="font-medium">
                Unverified —{" "}
                {b.findOut.map((f) => lowerFirst(f.text)).join(" ") ||
                  "some answers are not known."}
              </p>
              <p className="mt-1 text-muted-foreground print:mt-0.5">
                If so, it stays at {BAND_LABELS[b.capBand].toLowerCase()} or below:{" "}
                {lowerFirst(b.reason)}
              </p>
            </>
          ),
        }))}
      />

      {result.findOut.length || result.inventory.length || result.counts.notApplicable ? (
        <div className="mb-6 grid gap-4 lg:grid-cols-2 print:mb-2 print:grid-cols-2 print:gap-2">
          {result.findOut.length ? (
            <Card>
              <CardHeader
                title={`Not known yet (${result.findOut.length})`}
                description="Answered “don't know” or left open. They lower confidence and count as gaps, never as facts."
              />
              <ul className="grid gap-2 text-sm print:gap-1" data-testid="find-out">
                {result.findOut.map((f) => (
                  <IconItem key={f.questionId} icon="results-find-out">
                    <span>{f.text}</span>
                  </IconItem>
                ))}
              </ul>
            </Card>
          ) : null}
          {result.inventory.length || result.counts.notApplicable ? (
            <Card>
              <CardHeader
                title="What the action inventory changed"
                description={`Questions and blockers that depend on what the AI does. ${result.counts.notApplicable} question${result.counts.notApplicable === 1 ? " was" : "s were"} left out of the scores because the inventory makes ${result.counts.notApplicable === 1 ? "it" : "them"} irrelevant.`}
              />
              <ul className="grid gap-3 text-sm print:gap-1" data-testid="inventory-drivers">
                {result.inventory.map((d) => (
                  <IconItem key={d.fact} icon="results-inventory">
                    <div className="min-w-0">
                      <p>
                        The inventory {d.label}: {d.actions.map((a) => `“${a}”`).join(", ")}.
                      </p>
                      <p className="text-xs text-muted-foreground">
                        {d.questionIds.length
                          ? `${d.questionIds.length} question${d.questionIds.length === 1 ? "" : "s"} asked because of it`
                          : "No question depends on it alone"}
                        {d.blockerIds.length
                          ? `; part of ${d.blockerIds.length === 1 ? "a blocker" : `${d.blockerIds.length} blockers`} that fired: ${d.blockerIds.map((id) => blockerTitle(id)).join(", ")}`
                          : ""}
                        .
                      </p>
                    </div>
                  </IconItem>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      ) : null}

      <div className="mb-6 grid gap-4 lg:grid-cols-2 print:mb-2 print:block">
        <Card className="print:mb-2">
          <CardHeader
            title="Readiness by dimension"
            description={`Each dimension scored 0–100${previousResult ? ", with the previous assessment dashed" : ""}.`}
          />
          <div className="print:grid print:grid-cols-[5fr_6fr] print:items-center print:gap-5">
            <ReadinessRadar
              hasPrevious={Boolean(previousResult)}
              data={result.dimensions.map((d) => ({
                dimension: d.title.split(/[ ,]/)[0] ?? d.title,
                current: d.score,
                previous: prevScore(d.id),
              }))}
            />
            <div className="mt-2 min-w-0 print:mt-0">
              <DataTable
                caption="Scores by dimension (table alternative to the chart)"
                columns={dimensionColumns}
                rows={result.dimensions}
                testId="dimension-table"
              />
            </div>
          </div>
        </Card>
        <Card>
          <CardHeader
            title={`What would raise readiness most (${result.recommendations.length})`}
            description={
              result.provisional
                ? "Unknowns to settle first, then the answers whose fix unlocks a stage, then by the points they add."
                : "Weak answers: first those whose fix unlocks a stage, then by the points they would add."
            }
          />
          {result.recommendations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No weak answers: nothing to recommend.</p>
          ) : (
            // Printed as a compact two-column list, each item one paragraph: the same content
            // on fewer pages.
            <RecommendationList
              items={result.recommendations.map((r) => ({
                id: r.questionId,
                findOut: r.kind === "find_out",
                unlocks: r.unlocks ? `Unlocks ${STAGE_LABELS[r.unlocks].toLowerCase()}` : null,
                text: r.text,
                detail: `${formatScoreDelta(r.gain)} points · “${r.prompt}” — now: ${r.currentAnswer}`,
              }))}
            />
          )}
        </Card>
      </div>

      <div className="mb-6 grid gap-4 lg:grid-cols-2 print:mb-2 print:grid-cols-2 print:gap-2">
        <Card className={result.assumptions.length > 6 ? "print:col-span-2" : undefined}>
          <CardHeader
            title={`Assumptions register (${result.assumptions.length})`}
            description="Beliefs this workflow depends on, implied by the confident answers. Verify them during the pilot."
          />
          {result.assumptions.length === 0 ? (
            <p className="text-sm text-muted-foreground">
              No confident answers yet, so no assumptions recorded.
            </p>
          ) : (
            <AssumptionList
              items={result.assumptions.map((a) => ({
                id: `${a.questionId} ${a.assumption}`,
                assumption: a.assumption,
                evidence: a.evidence ? `Evidence: ${a.evidence}` : "No evidence given yet.",
              }))}
            />
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
              <div className="print:mx-auto print:max-w-md">
                <ScoreTrend data={trend} />
              </div>
              <table className="sr-only">
                <caption>Overall score by submission date</caption>
                <tbody>
                  {trend.map((t) => (
                    <tr key={t.label}>
                      <th scope="row">{t.label}</th>
                      <td>{formatScore(t.overall)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </Card>
      </div>

      {room ? (
        <RoomDisagreements room={room} workshopHref={`${base}/workshops/${room.workshopId}`} />
      ) : null}
      <Card>
        <CardHeader
          title="How this result was calculated"
          description="Every number above, traced to the answers."
        />
        <ol
          className="grid list-decimal gap-1 pl-5 text-sm print:block print:columns-2 print:gap-6 print:text-xs"
          data-testid="trace"
        >
          {result.trace.map((line) => (
            <li key={line} className="print:mb-0.5">
              {line}
            </li>
          ))}
        </ol>
        {/* In print the header already names the model and the bank. */}
        <p className="mt-3 text-xs text-muted-foreground print:hidden">
          Scored with model {result.scoringModel} of question bank {result.bankVersion}.{" "}
          <Link href={`${base}/scoring`} className="underline no-print">
            How the score works
          </Link>
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
