"use client";

import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
} from "recharts";

export type RadarPoint = { dimension: string; current: number; previous?: number | null };

/** Readiness per dimension (0–100); a second series shows the previous assessment when there is one. */
export function ReadinessRadar({
  data,
  hasPrevious,
}: {
  data: RadarPoint[];
  hasPrevious: boolean;
}) {
  return (
    <div className="h-80 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <RadarChart data={data} outerRadius="72%">
          <PolarGrid stroke="var(--color-border)" />
          <PolarAngleAxis
            dataKey="dimension"
            tick={{ fill: "var(--color-muted-foreground)", fontSize: 11 }}
          />
          <PolarRadiusAxis domain={[0, 100]} tickCount={5} tick={{ fontSize: 10 }} angle={90} />
          {hasPrevious ? (
            <Radar
              name="Previous assessment"
              dataKey="previous"
              stroke="#8c8c8c"
              strokeDasharray="4 3"
              fill="#8c8c8c"
              fillOpacity={0.08}
            />
          ) : null}
          <Radar
            name="This assessment"
            dataKey="current"
            stroke="#2166ac"
            fill="#2166ac"
            fillOpacity={0.25}
          />
          <Tooltip formatter={(v) => `${v} / 100`} />
          {hasPrevious ? <Legend /> : null}
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}
