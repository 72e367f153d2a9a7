import Link from "next/link";
import type * as React from "react";
import {
  IncidentsByCategoryChart,
  IncidentsBySeverityChart,
  OutcomeMixChart,
  RateByStageChart,
  TimeToResolveChart,
} from "@/components/charts/incident-charts";
import { Card } from "@/components/ui/card";
import { NumbersTable } from "@/components/ui/numbers-table";
import { TableAlternative } from "@/components/ui/table-alternative";
import {
  CATEGORY_LABELS,
  type IncidentMetricsDto,
  METRIC_DEFINITIONS,
  OUTCOME_LABELS,
  OUTCOMES,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/incidents";
import { STAGE_LABELS } from "@/lib/domain/stages";
import {
  formatMinutes,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRate,
  minutesToHours,
  roundTo,
} from "@/lib/format";
import { periodRange } from "@/lib/periods";

const monthLabel = new Intl.DateTimeFormat("en-GB", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const weekLabel = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

/** A period start as a chart label: "Nov 2026" for a month, "24 Nov 26" for a week. */
export function periodLabel(period: string, groupBy: "week" | "month") {
  const d = new Date(`${period}T00:00:00Z`);
  return (groupBy === "month" ? monthLabel : weekLabel).format(d);
}

function Stat({ label, value, definition }: { label: string; value: string; definition: string }) {
  return (
    <div className="rounded-md border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      <dd className="mt-1 text-xs text-muted-foreground">{definition}</dd>
    </div>
  );
}

/** A chart with its title, an empty state, and its numbers as a table behind a disclosure. */
export function ChartCard({
  title,
  empty,
  emptyText = "No incidents in this view. Log one, or widen the filters.",
  chart,
  table,
  className,
}: {
  title: string;
  empty: boolean;
  emptyText?: string;
  chart: React.ReactNode;
  table: React.ReactNode;
  className?: string;
}) {
  const headingId = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <Card aria-labelledby={headingId} className={className}>
      <h3 id={headingId} className="mb-2 text-sm font-semibold">
        {title}
      </h3>
      {empty ? (
        <p className="py-10 text-center text-sm text-muted-foreground">{emptyText}</p>
      ) : (
        <>
          {chart}
          <TableAlternative className="mt-2" bodyClassName="max-h-72 overflow-auto">
            {table}
          </TableAlternative>
        </>
      )}
    </Card>
  );
}

export { NumbersTable } from "@/components/ui/numbers-table";

/**
 * Outcome metrics with their definitions, and five charts each with a table alternative; with
 * `chartsHref`, the metrics and a link to the charts on the page that has them (a pilot's page
 * links to its incidents' list).
 */
export function IncidentMetricsPanel({
  metrics,
  chartsHref,
}: {
  metrics: IncidentMetricsDto;
  chartsHref?: string;
}) {
  const { summary, series, groupBy } = metrics;
  // Charts keep quiet periods on their time axis; the tables list the periods with incidents.
  const byPeriod = new Map(series.map((p) => [p.period, p]));
  const timeline =
    series.length > 0 ? periodRange(series[0]!.period, series.at(-1)!.period, groupBy) : [];
  const filled = timeline.map((period) => ({ period, point: byPeriod.get(period) }));
  const empty = summary.count === 0;
  const label = (p: string) => periodLabel(p, groupBy);
  const sevLabels = Object.fromEntries(SEVERITIES.map((s) => [s, SEVERITY_LABELS[s]]));
  const outcomeLabels = Object.fromEntries(OUTCOMES.map((o) => [o, OUTCOME_LABELS[o]]));
  return (
    // On paper the panel may run over a page; each chart still keeps together.
    <section aria-labelledby="metrics-heading" className="grid gap-4 print:break-inside-auto">
      <h2 id="metrics-heading" className="sr-only">
        Incident metrics
      </h2>
      <dl
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-4 print:gap-2"
        data-testid="incident-stats"
      >
        <Stat
          label="Incidents"
          value={`${formatNumber(summary.count, 0)} (${formatNumber(summary.open, 0)} open)`}
          definition="Incidents that started in the period; open ones are not resolved yet."
        />
        <Stat
          label="Time to detect (median · p90)"
          value={`${formatMinutes(summary.timeToDetect.median)} · ${formatMinutes(summary.timeToDetect.p90)}`}
          definition={METRIC_DEFINITIONS.timeToDetect}
        />
        <Stat
          label="Time to acknowledge (median · p90)"
          value={`${formatMinutes(summary.timeToAcknowledge.median)} · ${formatMinutes(summary.timeToAcknowledge.p90)}`}
          definition={METRIC_DEFINITIONS.timeToAcknowledge}
        />
        <Stat
          label="Time to mitigate (median · p90)"
          value={`${formatMinutes(summary.timeToMitigate.median)} · ${formatMinutes(summary.timeToMitigate.p90)}`}
          definition={METRIC_DEFINITIONS.timeToMitigate}
        />
        <Stat
          label="Time to resolve (median · p90)"
          value={`${formatMinutes(summary.timeToResolve.median)} · ${formatMinutes(summary.timeToResolve.p90)}`}
          definition={METRIC_DEFINITIONS.timeToResolve}
        />
        <Stat
          label="Caught before impact"
          value={formatPercent(summary.caughtBeforeImpact)}
          definition={METRIC_DEFINITIONS.caughtBeforeImpact}
        />
        <Stat
          label="Total cost"
          value={formatMoney(summary.totalCost, metrics.currency)}
          definition={METRIC_DEFINITIONS.totalCost}
        />
        <Stat
          label="Incidents per 1,000 actions"
          value={formatRate(summary.ratePer1000)}
          definition={`${formatNumber(summary.actionsAttempted, 0)} actions attempted in the run metrics of the same pilots and dates.`}
        />
      </dl>
      {chartsHref ? (
        <p className="text-sm">
          <Link
            href={chartsHref}
            className="font-medium text-primary underline underline-offset-4"
            data-testid="incident-charts-link"
          >
            Charts of these incidents by {groupBy}, severity, category, outcome and stage
          </Link>
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2 print:grid-cols-2 print:gap-2">
          <ChartCard
            title={`Incidents per ${groupBy}, by severity`}
            empty={empty}
            chart={
              <IncidentsBySeverityChart
                labels={sevLabels}
                data={filled.map(({ period, point }) => ({
                  period: label(period),
                  ...(point?.bySeverity ?? { sev1: 0, sev2: 0, sev3: 0, sev4: 0 }),
                }))}
              />
            }
            table={
              <NumbersTable
                caption={`Incidents per ${groupBy} by severity`}
                head={["Period", "Sev1", "Sev2", "Sev3", "Sev4", "All"]}
                rows={series.map((p) => [
                  label(p.period),
                  p.bySeverity.sev1,
                  p.bySeverity.sev2,
                  p.bySeverity.sev3,
                  p.bySeverity.sev4,
                  p.count,
                ])}
              />
            }
          />
          <ChartCard
            title="Incidents by category"
            empty={empty}
            chart={
              <IncidentsByCategoryChart
                data={metrics.byCategory.map((c) => ({
                  label: CATEGORY_LABELS[c.category],
                  count: c.count,
                }))}
              />
            }
            table={
              <NumbersTable
                caption="Incidents by category"
                head={["Category", "Incidents"]}
                rows={metrics.byCategory.map((c) => [CATEGORY_LABELS[c.category], c.count])}
              />
            }
          />
          <ChartCard
            title={`Outcome mix per ${groupBy}`}
            empty={empty}
            chart={
              <OutcomeMixChart
                labels={outcomeLabels}
                data={filled.map(({ period, point }) => ({
                  period: label(period),
                  ...(point?.byOutcome ?? {
                    prevented: 0,
                    contained: 0,
                    customer_impact: 0,
                    financial_impact: 0,
                  }),
                }))}
              />
            }
            table={
              <NumbersTable
                caption={`Outcomes per ${groupBy}`}
                head={[
                  "Period",
                  "Prevented",
                  "Contained",
                  "Customer impact",
                  "Financial impact",
                  "Caught",
                ]}
                rows={series.map((p) => [
                  label(p.period),
                  p.byOutcome.prevented,
                  p.byOutcome.contained,
                  p.byOutcome.customer_impact,
                  p.byOutcome.financial_impact,
                  formatPercent(p.caughtBeforeImpact),
                ])}
              />
            }
          />
          <ChartCard
            title={`Time to resolve per ${groupBy} (hours)`}
            empty={summary.timeToResolve.count === 0}
            chart={
              <TimeToResolveChart
                data={filled.map(({ period, point }) => ({
                  period: label(period),
                  median: minutesToHours(point?.timeToResolve.median ?? null),
                  p90: minutesToHours(point?.timeToResolve.p90 ?? null),
                }))}
              />
            }
            table={
              <NumbersTable
                caption={`Time to resolve per ${groupBy}`}
                head={["Period", "Median", "90th percentile", "Resolved"]}
                rows={series.map((p) => [
                  label(p.period),
                  formatMinutes(p.timeToResolve.median),
                  formatMinutes(p.timeToResolve.p90),
                  p.timeToResolve.count,
                ])}
              />
            }
          />
          <ChartCard
            title="Incidents per 1,000 actions, by stage"
            // Alone on its printed row: the whole width keeps the stage names apart.
            className={metrics.byPilot.length > 1 ? undefined : "print:col-span-2"}
            empty={metrics.byStage.length === 0}
            chart={
              <RateByStageChart
                data={metrics.byStage.map((s) => ({
                  label: STAGE_LABELS[s.stage],
                  rate: s.ratePer1000 === null ? null : roundTo(s.ratePer1000, 2),
                }))}
              />
            }
            table={
              <NumbersTable
                caption="Incident rate by stage"
                head={["Stage", "Incidents", "Actions", "Per 1,000"]}
                rows={metrics.byStage.map((s) => [
                  STAGE_LABELS[s.stage],
                  s.count,
                  formatNumber(s.actionsAttempted, 0),
                  formatRate(s.ratePer1000),
                ])}
              />
            }
          />
          {metrics.byPilot.length > 1 ? (
            <Card aria-labelledby="metrics-by-pilot">
              <h3 id="metrics-by-pilot" className="mb-2 text-sm font-semibold">
                Incidents by pilot
              </h3>
              <div className="max-h-80 overflow-auto">
                <NumbersTable
                  caption="Incidents by pilot, most first"
                  head={["Pilot", "Incidents", "Open", "Median time to resolve"]}
                  rows={metrics.byPilot.map((p) => [
                    p.name,
                    p.count,
                    p.open,
                    formatMinutes(p.ttrMedian),
                  ])}
                />
              </div>
            </Card>
          ) : null}
        </div>
      )}
    </section>
  );
}
