"use client";

// The charts are drawn in the browser only, from a chunk of their own loaded after the page:
// recharts stays out of every page's first-load JavaScript. The tables beside them carry the
// same numbers for screen readers, print and the page's first paint.
import dynamic from "next/dynamic";
import { ChartPlaceholder } from "@/components/charts/chart-placeholder";
/** Incidents per 1,000 actions (line) and incident cost (bars) per period. */
export const RateAndCostChart = dynamic(
  () => import("./recharts/outcome-charts").then((m) => m.RateAndCostChart),
  { ssr: false, loading: () => <ChartPlaceholder className="h-60" /> },
);
