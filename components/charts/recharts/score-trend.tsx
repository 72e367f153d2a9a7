"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, GRID } from "./chart-frame";

export type TrendPoint = { label: string; overall: number };

/** Overall readiness (0–100) of successive assessments of one use case. */
export function ScoreTrend({ data }: { data: TrendPoint[] }) {
  return (
    <ChartFrame className="h-56">
      <LineChart data={data} margin={{ top: 10, right: 16, bottom: 20, left: 0 }}>
        <CartesianGrid {...GRID} />
        <XAxis
          dataKey="label"
          tick={{ fontSize: 11 }}
          label={{ value: "Submitted", position: "insideBottom", offset: -12, fontSize: 11 }}
        />
        <YAxis
          domain={[0, 100]}
          tick={{ fontSize: 11 }}
          label={{ value: "Score", angle: -90, position: "insideLeft", fontSize: 11 }}
        />
        <ReferenceLine y={80} stroke="#2166ac" strokeDasharray="2 4" />
        <Tooltip formatter={(v) => [`${v} / 100`, "Overall"]} />
        <Line
          type="monotone"
          dataKey="overall"
          stroke="#2166ac"
          strokeWidth={2}
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
