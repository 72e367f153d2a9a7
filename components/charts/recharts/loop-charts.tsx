"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { CHART_COLORS } from "@/lib/chart-colors";
import { AXIS, ChartFrame, GRID } from "./chart-frame";

export type ReadinessPoint = {
  name: string;
  /** Overall readiness at start, 0–100. */
  readiness: number;
  /** Incidents per 1,000 actions since. */
  rate: number;
  band: string;
  incidents: number;
};

function PointTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: { payload: ReadinessPoint }[];
}) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow">
      <p className="font-medium">{p.name}</p>
      <p>
        Readiness at start {p.readiness} · {p.band}
      </p>
      <p>
        {p.rate} incidents per 1,000 actions ({p.incidents} incidents)
      </p>
    </div>
  );
}

/** One dot per pilot: readiness at start (x) against incidents per 1,000 actions since (y). */
export function ReadinessOutcomeChart({ data }: { data: ReadinessPoint[] }) {
  return (
    <ChartFrame className="h-64" testId="chart-readiness-outcome">
      <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 0 }}>
        <CartesianGrid {...GRID} />
        <XAxis
          type="number"
          dataKey="readiness"
          domain={[0, 100]}
          name="Readiness at start"
          {...AXIS}
          label={{
            value: "Readiness at start (0–100)",
            position: "insideBottom",
            offset: -14,
            fontSize: 11,
            fill: "var(--color-muted-foreground)",
          }}
        />
        <YAxis
          type="number"
          dataKey="rate"
          name="Incidents per 1,000 actions"
          width={48}
          {...AXIS}
          label={{
            value: "Incidents / 1,000 actions",
            angle: -90,
            position: "insideLeft",
            offset: 10,
            fontSize: 11,
            fill: "var(--color-muted-foreground)",
            style: { textAnchor: "middle" },
          }}
        />
        <ZAxis range={[70, 70]} />
        <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: "3 3" }} />
        <Scatter data={data} name="Pilots" fill={CHART_COLORS.primary} isAnimationActive={false} />
      </ScatterChart>
    </ChartFrame>
  );
}

export type DimensionOutcomePoint = {
  dimension: string;
  warned: number;
  mixed: number;
  well: number;
};

/**
 * Incidents in the categories each dimension predicts, split by how the dimension read at the
 * pilots' start: weak or not known (a warning), middling, or answered well (a lesson).
 */
export function DimensionOutcomeChart({
  data,
  labels,
}: {
  data: DimensionOutcomePoint[];
  labels: Record<"warned" | "mixed" | "well", string>;
}) {
  const keys = ["warned", "mixed", "well"] as const;
  return (
    <ChartFrame className="h-64" testId="chart-dimension-outcome">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...AXIS} />
        <YAxis type="category" dataKey="dimension" width={110} {...AXIS} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        {keys.map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={labels[key]}
            stackId="reading"
            fill={CHART_COLORS.reading[key]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
