"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_COLORS } from "@/lib/chart-colors";

export type RunMetricPoint = {
  label: string;
  /** Percentages, or null for a period without actions. */
  accuracy: number | null;
  overrideRate: number | null;
};

// Tick labels in the muted text colour: recharts' default grey is too faint on the dark card.
const TICK = { fontSize: 11, fill: "var(--color-muted-foreground)" };

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
    <div className="h-64 w-full" aria-hidden="true" data-testid="run-metrics-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={TICK} minTickGap={24} />
          <YAxis domain={[0, 100]} tick={TICK} unit="%" width={44} />
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
            stroke={CHART_COLORS.primary}
            strokeWidth={2}
            dot={data.length < 40 ? { r: 3 } : false}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            name="Override rate"
            type="monotone"
            dataKey="overrideRate"
            stroke={CHART_COLORS.secondary}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={data.length < 40 ? { r: 3 } : false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
