"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export type { DimensionOutcomePoint, ReadinessPoint } from "./recharts/loop-charts";

const placeholder = () => <ChartPlaceholder className="h-64" />;

/** Readiness at the start against incidents per 1,000 actions, one dot per pilot. */
export const ReadinessOutcomeChart = dynamic(
  () => import("./recharts/loop-charts").then((m) => m.ReadinessOutcomeChart),
  { ssr: false, loading: placeholder },
);

/** Incidents per dimension, by how the dimension read at the start. */
export const DimensionOutcomeChart = dynamic(
  () => import("./recharts/loop-charts").then((m) => m.DimensionOutcomeChart),
  { ssr: false, loading: placeholder },
);
