import { RunMetricsChart } from "@/components/charts/run-metrics-chart";
import { TitledCard } from "@/components/ui/card";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import type { Column } from "@/components/ui/data-table";
import { NumbersTable } from "@/components/ui/numbers-table";
import { TableAlternative } from "@/components/ui/table-alternative";
import type { MetricPeriod } from "@/lib/domain/pilots";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { formatDate, formatNumber, formatPercent, roundTo } from "@/lib/format";

export type RunMetricRow = {
  id: string;
  period: MetricPeriod | "month";
  periodStart: string;
  stage: Stage;
  attempted: number;
  correct: number;
  overrides: number;
  escalations: number;
  accuracy: number | null;
  overrideRate: number | null;
};

/** Counts of actions and their rates, over a period or added up over a stage. */
type RunMetricCounts = Pick<
  RunMetricRow,
  "attempted" | "correct" | "overrides" | "escalations" | "accuracy" | "overrideRate"
>;

/** The columns of counts and rates, shared by the table per period and the totals per stage. */
export const RUN_METRIC_COUNT_COLUMNS: Column<RunMetricCounts>[] = [
  {
    key: "attempted",
    header: "Attempted",
    align: "right",
    cell: (m) => formatNumber(m.attempted, 0),
  },
  { key: "correct", header: "Correct", align: "right", cell: (m) => formatNumber(m.correct, 0) },
  {
    key: "overrides",
    header: "Overrides",
    align: "right",
    cell: (m) => formatNumber(m.overrides, 0),
  },
  {
    key: "escalations",
    header: "Escalations",
    align: "right",
    cell: (m) => formatNumber(m.escalations, 0),
  },
  { key: "accuracy", header: "Accuracy", align: "right", cell: (m) => formatPercent(m.accuracy) },
  {
    key: "overrideRate",
    header: "Override rate",
    align: "right",
    cell: (m) => formatPercent(m.overrideRate),
  },
];

/** A row's period as the table names it: the day, "Week of" its Monday, or the month. */
const periodText = (m: RunMetricRow) =>
  m.period === "month"
    ? formatDate(m.periodStart).replace(/^1 /, "")
    : `${m.period === "week" ? "Week of " : ""}${formatDate(m.periodStart)}`;

/** The run metrics chart with its table alternative; the forms to add metrics sit elsewhere. */
export function RunMetricsCard({
  csvHref,
  metrics,
  unit,
  stageChanges,
}: {
  /** The pilot's run metrics export; none in a printed report. */
  csvHref?: string;
  metrics: RunMetricRow[];
  /** What a row is: a recorded period, or the periods of a week or month added up. */
  unit: MetricPeriod | "month" | "recorded";
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
    <TitledCard
      headingId="metrics-heading"
      title="Run metrics"
      description="Accuracy = correct ÷ attempted actions; override rate = human overrides ÷ attempted actions; escalation rate = escalations ÷ attempted actions. Dashed lines mark stage changes."
      action={metrics.length > 0 && csvHref ? <CsvDownloadLink href={csvHref} /> : null}
    >
      {metrics.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No run metrics yet. Record what the AI did each day or week — by hand, from a CSV file, or
          through the API — and the gate checks accuracy and override rate against them.
        </p>
      ) : (
        <>
          <RunMetricsChart data={chartData} markers={markers} />
          <TableAlternative className="mt-3" bodyClassName="max-h-96 overflow-y-auto">
            <NumbersTable
              caption={
                unit === "recorded"
                  ? "Run metrics per period, newest first"
                  : `Run metrics added up per ${unit}, newest first (each recorded period in the CSV export)`
              }
              head={["Period", "Stage", ...RUN_METRIC_COUNT_COLUMNS.map((c) => c.header)]}
              rows={[...metrics]
                .reverse()
                .map((m) => [
                  periodText(m),
                  STAGE_LABELS[m.stage],
                  ...RUN_METRIC_COUNT_COLUMNS.map((c) => String(c.cell(m))),
                ])}
              textColumns={2}
              testId="run-metrics-table"
            />
          </TableAlternative>
        </>
      )}
    </TitledCard>
  );
}
