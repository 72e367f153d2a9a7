import Link from "next/link";
import { OutcomeMixChart } from "@/components/charts/incident-charts";
import { RunMetricsChart } from "@/components/charts/run-metrics-chart";
import { ChartCard, NumbersTable, periodLabel } from "@/components/incidents/metrics-panel";
import { METRIC_DEFINITIONS, OUTCOME_LABELS, OUTCOMES } from "@/lib/domain/incidents";
import type { PortfolioOutcomes } from "@/lib/domain/portfolio";
import { formatMoney, formatNumber, formatPercent, formatRate, roundTo } from "@/lib/format";
import { RateAndCostChart } from "./outcome-charts";

/**
 * What the pilots produced: incidents per 1,000 actions and their cost per period, the outcome
 * mix, and the accuracy and override rate of pilots in supervised and beyond, each chart with
 * its numbers as a table. `incidentsHref` is the incident list behind the figures.
 */
export function OutcomesSection({
  outcomes,
  currency,
  incidentsHref,
}: {
  outcomes: PortfolioOutcomes;
  currency: string;
  incidentsHref: string;
}) {
  const { unit, series, trend } = outcomes;
  const label = (p: string) => periodLabel(p, unit);
  const per = unit === "week" ? "week" : "month";
  const outcomeLabels = Object.fromEntries(OUTCOMES.map((o) => [o, OUTCOME_LABELS[o]]));
  const total = outcomes.caught + outcomes.impact;
  return (
    <div className="grid gap-4">
      <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="outcome-stats">
        {[
          [
            "Incidents per 1,000 actions",
            formatRate(outcomes.ratePer1000),
            `${formatNumber(outcomes.incidents, 0)} incidents over ${formatNumber(outcomes.actionsAttempted, 0)} actions attempted in the period.`,
          ],
          [
            "Incident cost",
            formatMoney(outcomes.totalCost, currency),
            METRIC_DEFINITIONS.totalCost,
          ],
          [
            "Caught before impact",
            formatPercent(total ? outcomes.caught / total : null),
            `${outcomes.caught} prevented or contained, ${outcomes.impact} with customer or financial impact.`,
          ],
          [
            "Incidents",
            formatNumber(outcomes.incidents, 0),
            "Incidents that started in the period, on the pilots in view.",
          ],
        ].map(([name, value, definition]) => (
          <div key={name} className="rounded-md border p-3">
            <dt className="text-xs text-muted-foreground">{name}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums">
              <Link href={incidentsHref} className="hover:underline">
                {value}
              </Link>
            </dd>
            <dd className="mt-1 text-xs text-muted-foreground">{definition}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-3 print:grid-cols-1">
        <ChartCard
          title={`Incidents per 1,000 actions and cost, per ${per}`}
          empty={series.length === 0}
          emptyText="No incidents or run metrics in this view. Widen the period, or record run metrics."
          chart={
            <RateAndCostChart
              currency={currency}
              data={series.map((p) => ({
                period: label(p.period),
                rate: p.ratePer1000 === null ? null : roundTo(p.ratePer1000, 2),
                cost: p.cost,
              }))}
            />
          }
          table={
            <NumbersTable
              caption={`Incident rate and cost per ${per}`}
              head={["Period", "Incidents", "Actions", "Per 1,000", `Cost (${currency})`]}
              rows={series.map((p) => [
                label(p.period),
                p.incidents,
                formatNumber(p.actionsAttempted, 0),
                formatRate(p.ratePer1000),
                formatMoney(p.cost, currency),
              ])}
            />
          }
        />
        <ChartCard
          title={`Outcome mix per ${per}`}
          empty={outcomes.incidents === 0}
          emptyText="No incidents in this view."
          chart={
            <OutcomeMixChart
              labels={outcomeLabels}
              data={series.map((p) => ({ period: label(p.period), ...p.byOutcome }))}
            />
          }
          table={
            <NumbersTable
              caption={`Outcomes per ${per}`}
              head={["Period", ...OUTCOMES.map((o) => OUTCOME_LABELS[o])]}
              rows={series
                .filter((p) => p.incidents > 0)
                .map((p) => [label(p.period), ...OUTCOMES.map((o) => p.byOutcome[o])])}
            />
          }
        />
        <ChartCard
          title={`Accuracy and override rate in supervised and beyond, per ${per}`}
          empty={trend.length === 0}
          emptyText="No run metrics recorded in supervised or a later stage in this view."
          chart={
            <RunMetricsChart
              markers={[]}
              data={trend.map((p) => ({
                label: label(p.period),
                accuracy: p.accuracy === null ? null : roundTo(p.accuracy * 100, 1),
                overrideRate: p.overrideRate === null ? null : roundTo(p.overrideRate * 100, 1),
              }))}
            />
          }
          table={
            <NumbersTable
              caption={`Accuracy and override rate per ${per}`}
              head={["Period", "Actions", "Accuracy", "Override rate"]}
              rows={trend.map((p) => [
                label(p.period),
                formatNumber(p.attempted, 0),
                formatPercent(p.accuracy),
                formatPercent(p.overrideRate),
              ])}
            />
          }
        />
      </div>
    </div>
  );
}
