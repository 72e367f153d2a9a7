"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "./chart-placeholder";

export type { RadarPoint } from "./recharts/readiness-radar";

/** Readiness per dimension (0–100), with the previous assessment when there is one. */
export const ReadinessRadar = dynamic(
  () => import("./recharts/readiness-radar").then((m) => m.ReadinessRadar),
  { ssr: false, loading: () => <ChartPlaceholder className="h-72 sm:h-80" /> },
);
