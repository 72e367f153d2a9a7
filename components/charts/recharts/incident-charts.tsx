"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_COLORS } from "@/lib/chart-colors";
import { AXIS, ChartFrame, GRID, periodLine } from "./chart-frame";

/** Every incident chart has the same height. */
const HEIGHT = "h-60";

export type SeverityPoint = {
  period: string;
  sev1: number;
  sev2: number;
  sev3: number;
  sev4: number;
};

/** Counts per period, one stacked bar per period, one segment per key in `colors` order. */
function StackedPeriodChart<K extends string>({
  data,
  labels,
  colors,
  testId,
}: {
  data: ({ period: string } & Record<NoInfer<K>, number>)[];
  labels: Record<string, string>;
  colors: Record<K, string>;
  testId: string;
}) {
  return (
    <ChartFrame className={HEIGHT} testId={testId}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="period" {...AXIS} minTickGap={16} />
        <YAxis allowDecimals={false} {...AXIS} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        {(Object.keys(colors) as K[]).map((key) => (
          <Bar
            key={key}
            dataKey={key}
            name={labels[key]}
            stackId="stack"
            fill={colors[key]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** Incidents per period, stacked by severity. */
export function IncidentsBySeverityChart({
  data,
  labels,
}: {
  data: SeverityPoint[];
  labels: Record<string, string>;
}) {
  return (
    <StackedPeriodChart
      data={data}
      labels={labels}
      colors={CHART_COLORS.severity}
      testId="chart-severity"
    />
  );
}

/** Incidents per category, most frequent first. */
export function IncidentsByCategoryChart({ data }: { data: { label: string; count: number }[] }) {
  return (
    <ChartFrame className={HEIGHT} testId="chart-category">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...AXIS} />
        <YAxis type="category" dataKey="label" width={150} {...AXIS} />
        <Tooltip />
        <Bar
          dataKey="count"
          name="Incidents"
          fill={CHART_COLORS.primary}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}

export type OutcomePoint = {
  period: string;
  prevented: number;
  contained: number;
  customer_impact: number;
  financial_impact: number;
};

/** Outcome mix per period: caught before impact (green) versus impact (red). */
export function OutcomeMixChart({
  data,
  labels,
}: {
  data: OutcomePoint[];
  labels: Record<string, string>;
}) {
  return (
    <StackedPeriodChart
      data={data}
      labels={labels}
      colors={CHART_COLORS.outcome}
      testId="chart-outcome"
    />
  );
}

/** Median and 90th-percentile time to resolve per period, in hours. */
export function TimeToResolveChart({
  data,
}: {
  data: { period: string; median: number | null; p90: number | null }[];
}) {
  return (
    <ChartFrame className={HEIGHT} testId="chart-ttr">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid {...GRID} />
        <XAxis dataKey="period" {...AXIS} minTickGap={16} />
        <YAxis {...AXIS} unit=" h" width={56} />
        <Tooltip formatter={(v) => (v === null ? "—" : `${v} h`)} />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        <Line dataKey="median" name="Median" {...periodLine("primary", data.length)} />
        <Line dataKey="p90" name="90th percentile" {...periodLine("secondary", data.length)} />
      </LineChart>
    </ChartFrame>
  );
}

/** Incidents per 1,000 actions at each stage. */
export function RateByStageChart({ data }: { data: { label: string; rate: number | null }[] }) {
  return (
    <ChartFrame className={HEIGHT} testId="chart-rate">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis
          dataKey="label"
          {...AXIS}
          interval={0}
          tickFormatter={(label: string) => label.replace(" production", " prod.")}
        />
        <YAxis {...AXIS} />
        <Tooltip formatter={(v) => (v === null ? "no run metrics" : `${v} per 1,000`)} />
        <Bar
          dataKey="rate"
          name="Incidents per 1,000 actions"
          fill={CHART_COLORS.tertiary}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
