import { Download } from "lucide-react";
import { RunMetricsChart } from "@/components/charts/run-metrics-chart";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MetricPeriod } from "@/lib/domain/pilots";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { formatDate, formatNumber, formatPercent, roundTo } from "@/lib/format";
import { ScrollTable } from "./scroll-table";

export type RunMetricRow = {
  id: string;
  period: MetricPeriod;
  periodStart: string;
  stage: Stage;
  attempted: number;
  correct: number;
  overrides: number;
  escalations: number;
  accuracy: number | null;
  overrideRate: number | null;
};

/** The run metrics chart with its table alternative; the forms to add metrics sit elsewhere. */
export function RunMetricsCard({
  csvHref,
  metrics,
  stageChanges,
}: {
  csvHref: string;
  metrics: RunMetricRow[];
  /** Promotions and rollbacks, to mark on the chart. */
  stageChanges: { at: Date; toStage: Stage }[];
}) {
  const chartData = metrics.map((m) => ({
    label: m.periodStart,
    accuracy: m.accuracy === null ? null : roundTo(m.accuracy * 100, 1),
    overrideRate: m.overrideRate === null ? null : roundTo(m.overrideRate * 100, 1),
  }));
  const markers = stageChanges.flatMap((t) => {
    const day = t.at.toISOString().slice(0, 10);
    const at = metrics.find((m) => m.periodStart >= day);
    return at ? [{ label: at.periodStart, text: `→ ${STAGE_LABELS[t.toStage]}` }] : [];
  });
  return (
    <Card aria-labelledby="metrics-heading">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="metrics-heading" className="text-base font-semibold">
            Run metrics
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            Accuracy = correct ÷ attempted actions; override rate = human overrides ÷ attempted
            actions; escalation rate = escalations ÷ attempted actions. Dashed lines mark stage
            changes.
          </p>
        </div>
        {metrics.length > 0 ? (
          <Button asChild variant="outline" size="sm">
            <a href={csvHref} download>
              <Download aria-hidden /> Export CSV
            </a>
          </Button>
        ) : null}
      </div>
      {metrics.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No run metrics yet. Record what the AI did each day or week — by hand, from a CSV file, or
          through the API — and the gate checks accuracy and override rate against them.
        </p>
      ) : (
        <>
          <RunMetricsChart data={chartData} markers={markers} />
          <details className="mt-3">
            <summary className="cursor-pointer text-sm text-primary">
              Table of the same numbers
            </summary>
            <ScrollTable label="Run metrics per period" className="mt-2 max-h-96 overflow-y-auto">
              <table className="w-full min-w-[40rem] text-sm" data-testid="run-metrics-table">
                <caption className="sr-only">Run metrics per period</caption>
                <thead className="sticky top-0 bg-card text-left text-xs text-muted-foreground">
                  <tr className="border-b">
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Period
                    </th>
                    <th scope="col" className="py-2 pr-3 font-medium">
                      Stage
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Attempted
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Correct
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Overrides
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Escalations
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right font-medium">
                      Accuracy
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      Override rate
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...metrics].reverse().map((m) => (
                    <tr key={m.id} className="border-b last:border-0">
                      <td className="py-1.5 pr-3">
                        {m.period === "week" ? "Week of " : ""}
                        {formatDate(m.periodStart)}
                      </td>
                      <td className="py-1.5 pr-3">{STAGE_LABELS[m.stage]}</td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {formatNumber(m.attempted, 0)}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {formatNumber(m.correct, 0)}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {formatNumber(m.overrides, 0)}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {formatNumber(m.escalations, 0)}
                      </td>
                      <td className="py-1.5 pr-3 text-right tabular-nums">
                        {formatPercent(m.accuracy)}
                      </td>
                      <td className="py-1.5 text-right tabular-nums">
                        {formatPercent(m.overrideRate)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </details>
        </>
      )}
    </Card>
  );
}
