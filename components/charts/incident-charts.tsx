"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_COLORS } from "@/lib/chart-colors";

// Tick labels in the muted text colour: recharts' default grey is too faint on the dark card.
const axis = { tick: { fontSize: 11, fill: "var(--color-muted-foreground)" } };

function Frame({ children, testId }: { children: React.ReactElement; testId: string }) {
  return (
    <div className="h-60 w-full" aria-hidden="true" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

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
    <Frame testId={testId}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="period" {...axis} minTickGap={16} />
        <YAxis allowDecimals={false} {...axis} />
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
    </Frame>
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
    <Frame testId="chart-category">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} {...axis} />
        <YAxis type="category" dataKey="label" width={150} {...axis} />
        <Tooltip />
        <Bar
          dataKey="count"
          name="Incidents"
          fill={CHART_COLORS.primary}
          isAnimationActive={false}
        />
      </BarChart>
    </Frame>
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
    <Frame testId="chart-ttr">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
        <XAxis dataKey="period" {...axis} minTickGap={16} />
        <YAxis {...axis} unit=" h" width={56} />
        <Tooltip formatter={(v) => (v === null ? "—" : `${v} h`)} />
        <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={null} />
        <Line
          dataKey="median"
          name="Median"
          stroke={CHART_COLORS.primary}
          strokeWidth={2}
          dot={data.length < 40 ? { r: 3 } : false}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="p90"
          name="90th percentile"
          stroke={CHART_COLORS.secondary}
          strokeDasharray="6 3"
          strokeWidth={2}
          dot={data.length < 40 ? { r: 3 } : false}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </Frame>
  );
}

/** Incidents per 1,000 actions at each stage. */
export function RateByStageChart({ data }: { data: { label: string; rate: number | null }[] }) {
  return (
    <Frame testId="chart-rate">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          {...axis}
          interval={0}
          tickFormatter={(label: string) => label.replace(" production", " prod.")}
        />
        <YAxis {...axis} />
        <Tooltip formatter={(v) => (v === null ? "no run metrics" : `${v} per 1,000`)} />
        <Bar
          dataKey="rate"
          name="Incidents per 1,000 actions"
          fill={CHART_COLORS.tertiary}
          isAnimationActive={false}
        />
      </BarChart>
    </Frame>
  );
}
