import type { Metadata } from "next";
import { BandBadge } from "@/components/band-badge";
import { GateBadge, PilotStatusBadge, StageBadge } from "@/components/pilot-badges";
import { Card, CardHeader } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { ReportHeader } from "@/components/ui/report-header";
import { listAssessments } from "@/db/queries/assessments";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { runMetricTotalsByStage } from "@/db/queries/run-metrics";
import { requireMember } from "@/lib/auth/session";
import { STAGE_LABELS, STAGES } from "@/lib/domain/stages";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatScore,
} from "@/lib/format";
import { found } from "@/lib/pages";
import { AssumptionsCard } from "../_components/assumptions-card";
import { GateCard } from "../_components/gate-card";
import { PilotIncidentsSection } from "../_components/incidents-section";
import { RUN_METRIC_COUNT_COLUMNS, RunMetricsCard } from "../_components/run-metrics-card";
import { TimelineCard } from "../_components/timeline-card";
import { loadPilotView, type PilotPageProps } from "../_lib/pilot-view";

export const metadata: Metadata = { title: "Pilot report · Preflight" };

/** How many incidents the report lists; the counts and charts cover them all. */
const LISTED_INCIDENTS = 15;

type StageTotals = Awaited<ReturnType<typeof runMetricTotalsByStage>>[number];

const TOTAL_COLUMNS: Column<StageTotals>[] = [
  { key: "stage", header: "Stage", rowHeader: true, cell: (t) => STAGE_LABELS[t.stage] },
  ...RUN_METRIC_COUNT_COLUMNS,
];

/**
 * A pilot as a printable report: where it stands, what its gate says and its run metrics; then
 * its incidents; then its history and assumptions, each of these parts starting a new sheet.
 */
export default async function PilotReportPage({ params }: PilotPageProps) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const [{ pilot, gate, timeline, metrics, assumptions, incidents }, totals, incidentMetrics] =
    await found(
      Promise.all([
        loadPilotView(member, id, LISTED_INCIDENTS),
        runMetricTotalsByStage(member, id),
        getIncidentMetrics(member, { pilotId: id }, "month"),
      ]),
    );
  const assessments = await listAssessments(member, { useCaseId: pilot.useCaseId });
  const atStart = assessments.find((a) => a.id === pilot.assessmentId) ?? null;
  const latest = assessments.find((a) => a.status === "submitted") ?? null;
  const now = new Date();
  const base = `/o/${member.orgSlug}`;
  const failing = gate.evaluation?.criteria.filter((c) => !c.pass).length ?? 0;
  const broken = assumptions.filter((a) => a.status === "broken").length;
  const sortedTotals = [...totals].sort(
    (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage),
  );

  return (
    <article className="report print:text-black" data-testid="report">
      <ReportHeader
        kind="Preflight pilot report"
        orgName={member.orgName}
        back={{ href: `${base}/pilots/${id}`, label: pilot.useCaseName }}
        title={`How is the “${pilot.useCaseName}” pilot doing?`}
        description={
          <>
            <span className="hidden print:inline">Pilot: {pilot.useCaseName} · </span>
            Owner: {pilot.ownerName ?? "nobody yet"} · started {formatDate(pilot.startDate)} ·
            report of {formatDateTime(now)}
          </>
        }
      />

      <section
        aria-label="Where the pilot stands"
        className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:mb-2 print:grid-cols-4 print:gap-2"
        data-testid="report-summary"
      >
        <Card>
          <p className="text-sm text-muted-foreground">Stage</p>
          <p className="mt-2 flex flex-wrap gap-2">
            <StageBadge stage={pilot.stage} />
            <PilotStatusBadge status={pilot.status} />
          </p>
          <p className="mt-2 text-xs text-muted-foreground">
            Since {formatDate(pilot.stageEnteredAt)}
            {pilot.targetDate ? `; target ${formatDate(pilot.targetDate)}` : ""}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Readiness at start</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">
            {formatScore(atStart?.overall)}
            <span className="text-base font-normal text-muted-foreground"> / 100</span>
          </p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <BandBadge band={atStart?.band ?? null} />
            {latest && latest.id !== atStart?.id
              ? `now ${formatScore(latest.overall)} (re-assessed ${formatDate(latest.submittedAt)})`
              : null}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">
            {gate.nextStage ? `Gate to ${STAGE_LABELS[gate.nextStage].toLowerCase()}` : "Gate"}
          </p>
          <p className="mt-2">
            {pilot.status === "retired" ? (
              "Retired"
            ) : (
              <GateBadge pass={gate.evaluation ? gate.evaluation.pass : null} failing={failing} />
            )}
          </p>
          <p className="mt-2 text-xs text-muted-foreground">
            {gate.signoffs.length} sign-off{gate.signoffs.length === 1 ? "" : "s"} this stage;{" "}
            {broken} broken assumption{broken === 1 ? "" : "s"}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-muted-foreground">Incidents</p>
          <p className="mt-1 text-3xl font-semibold tabular-nums">
            {formatNumber(incidents.total, 0)}
            <span className="text-base font-normal text-muted-foreground">
              {" "}
              ({formatNumber(incidents.open, 0)} open)
            </span>
          </p>
          <p className="mt-1 text-xs text-muted-foreground">
            {formatMoney(incidentMetrics.summary.totalCost, member.currency)} in all;{" "}
            {formatPercent(incidentMetrics.summary.caughtBeforeImpact)} caught before impact
          </p>
        </Card>
      </section>

      <GateCard
        orgSlug={member.orgSlug}
        pilotId={id}
        next={gate.nextStage}
        retired={pilot.status === "retired"}
        evaluation={gate.evaluation}
        signoffs={gate.signoffs}
        userId={null}
        canSignOff={false}
      />

      {/* The chart and its totals follow the gate on the first sheet when they fit, and move
          together to the next when not. */}
      <div className="keep-together mt-6 grid gap-4 print:mt-2 print:gap-2">
        <RunMetricsCard
          metrics={metrics.rows}
          unit={metrics.unit}
          stageChanges={timeline
            .filter((t) => t.kind === "promote" || t.kind === "rollback")
            .map((t) => ({ at: t.createdAt, toStage: t.toStage }))}
        />
        {sortedTotals.length > 0 ? (
          <Card>
            <CardHeader
              title="Run metrics by stage"
              description="Every recorded period added up per stage: the numbers behind the chart. Accuracy and override rate as defined above."
            />
            <DataTable
              caption="Actions, accuracy and override rate per stage"
              columns={TOTAL_COLUMNS}
              rows={sortedTotals}
              rowKey={(t) => t.stage}
              testId="report-stage-totals"
            />
          </Card>
        ) : null}
      </div>

      <div className="mt-6 print:mt-0 print:break-before-page">
        <PilotIncidentsSection
          orgSlug={member.orgSlug}
          pilotId={id}
          incidents={incidents}
          metrics={incidents.total > 0 ? Promise.resolve(incidentMetrics) : null}
          canLog={false}
          charts
          className="print:break-inside-auto print:gap-2"
        />
      </div>

      <div className="mt-6 grid min-w-0 gap-4 xl:grid-cols-2 print:mt-0 print:block print:break-before-page">
        <TimelineCard
          timeline={timeline}
          startDate={pilot.startDate}
          rollbackPlan={pilot.rollbackPlan}
        />
        <div className="print:mt-2">
          <AssumptionsCard
            orgSlug={member.orgSlug}
            pilotId={id}
            assumptions={assumptions}
            canEdit={false}
            retired
          />
        </div>
      </div>
    </article>
  );
}
