"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "@/components/charts/chart-placeholder";

export type { ReadinessDot } from "./recharts/readiness-chart";

/** Readiness against business value, one dot (a link) per assessed use case. */
export const ReadinessChart = dynamic(
  () => import("./recharts/readiness-chart").then((m) => m.ReadinessChart),
  { ssr: false, loading: () => <ChartPlaceholder className="h-80" /> },
);
