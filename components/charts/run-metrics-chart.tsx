"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export type { RunMetricPoint, StageMarker } from "./recharts/run-metrics-chart";

/** Accuracy and human-override rate per period, with the pilot's stage changes marked. */
export const RunMetricsChart = dynamic(
  () => import("./recharts/run-metrics-chart").then((m) => m.RunMetricsChart),
  { ssr: false, loading: () => <ChartPlaceholder className="h-64" /> },
);
