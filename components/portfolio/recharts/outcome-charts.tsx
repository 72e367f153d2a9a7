"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, ChartFrame, GRID, periodLine } from "@/components/charts/recharts/chart-frame";
import { CHART_COLORS } from "@/lib/chart-colors";

/** Incidents per 1,000 actions (line, left axis) and incident cost (bars, right axis) per period. */
export function RateAndCostChart({
  data,
  currency,
}: {
  data: { period: string; rate: number | null; cost: number }[];
  currency: string;
}) {
  return (
    <ChartFrame className="h-60" testId="chart-rate-cost">
      <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: -16 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="period" {...AXIS} minTickGap={16} />
        <YAxis yAxisId="rate" {...AXIS} width={56} />
        <YAxis yAxisId="cost" orientation="right" {...AXIS} width={64} unit={` ${currency}`} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        <Bar
          yAxisId="cost"
          dataKey="cost"
          name={`Incident cost (${currency})`}
          fill={CHART_COLORS.tertiary}
          fillOpacity={0.6}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="rate"
          name="Incidents per 1,000 actions"
          {...periodLine("primary", data.length)}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
