"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export type { TrendPoint } from "./recharts/score-trend";

/** The overall score of each submitted assessment of a use case, oldest first. */
export const ScoreTrend = dynamic(
  () => import("./recharts/score-trend").then((m) => m.ScoreTrend),
  { ssr: false, loading: () => <ChartPlaceholder className="h-56" /> },
);
