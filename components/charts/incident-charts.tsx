"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export type { OutcomePoint, SeverityPoint } from "./recharts/incident-charts";

const placeholder = () => <ChartPlaceholder className="h-60" />;

/** Incidents per period, stacked by severity. */
export const IncidentsBySeverityChart = dynamic(
  () => import("./recharts/incident-charts").then((m) => m.IncidentsBySeverityChart),
  { ssr: false, loading: placeholder },
);

/** Incidents per category. */
export const IncidentsByCategoryChart = dynamic(
  () => import("./recharts/incident-charts").then((m) => m.IncidentsByCategoryChart),
  { ssr: false, loading: placeholder },
);

/** The mix of outcomes per period. */
export const OutcomeMixChart = dynamic(
  () => import("./recharts/incident-charts").then((m) => m.OutcomeMixChart),
  { ssr: false, loading: placeholder },
);

/** Time to resolve per period. */
export const TimeToResolveChart = dynamic(
  () => import("./recharts/incident-charts").then((m) => m.TimeToResolveChart),
  { ssr: false, loading: placeholder },
);

/** Incidents per 1,000 actions by stage. */
export const RateByStageChart = dynamic(
  () => import("./recharts/incident-charts").then((m) => m.RateByStageChart),
  { ssr: false, loading: placeholder },
);
