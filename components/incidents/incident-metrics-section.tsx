import type { ComponentProps } from "react";
import { IncidentMetricsPanel } from "@/components/incidents/metrics-panel";

/**
 * The metrics and charts of some incidents. Render it inside Suspense with the query started
 * by the page: the list shows at once while the database aggregates (a large log takes it a
 * moment).
 */
export async function IncidentMetricsSection({
  metrics,
  chartsHref,
}: {
  metrics: Promise<ComponentProps<typeof IncidentMetricsPanel>["metrics"]>;
  /** Show the metrics only, with a link to the charts elsewhere. */
  chartsHref?: string;
}) {
  return <IncidentMetricsPanel metrics={await metrics} chartsHref={chartsHref} />;
}

/** What shows while the metrics are computed. */
export function IncidentMetricsPending() {
  return (
    <div
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
      role="status"
      aria-live="polite"
      data-testid="incident-metrics-pending"
    >
      <span className="sr-only">Computing incident metrics…</span>
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholders
        <div key={i} className="h-28 animate-pulse rounded-md border bg-muted/40" aria-hidden />
      ))}
    </div>
  );
}
