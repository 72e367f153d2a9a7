"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_COLORS } from "@/lib/chart-colors";
import { AXIS, ChartFrame, GRID, periodLine } from "./chart-frame";

export type RunMetricPoint = {
  label: string;
  /** Percentages, or null for a period without actions. */
  accuracy: number | null;
  overrideRate: number | null;
};

export type StageMarker = { label: string; text: string };

/** Accuracy and human-override rate per period, with the pilot's stage changes marked. */
export function RunMetricsChart({
  data,
  markers,
}: {
  data: RunMetricPoint[];
  markers: StageMarker[];
}) {
  return (
    <ChartFrame className="h-64" testId="run-metrics-chart">
      <LineChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="label" {...AXIS} minTickGap={24} />
        <YAxis domain={[0, 100]} {...AXIS} unit="%" width={44} />
        <Tooltip formatter={(v, name) => [v === null ? "no actions" : `${v}%`, name]} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {markers.map((m) => (
          <ReferenceLine
            key={`${m.label}-${m.text}`}
            x={m.label}
            stroke={CHART_COLORS.tertiary}
            strokeDasharray="4 3"
            label={{
              value: m.text,
              position: "insideTopLeft",
              fontSize: 10,
              fill: CHART_COLORS.tertiary,
            }}
          />
        ))}
        <Line
          name="Accuracy"
          type="monotone"
          dataKey="accuracy"
          {...periodLine("primary", data.length)}
        />
        <Line
          name="Override rate"
          type="monotone"
          dataKey="overrideRate"
          {...periodLine("secondary", data.length)}
        />
      </LineChart>
    </ChartFrame>
  );
}
