import { IncidentMetricsPanel } from "@/components/incidents/metrics-panel";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import type { IncidentFilters } from "@/db/queries/incidents";
import type { MemberContext } from "@/lib/domain/permissions";

/**
 * The metrics and charts of the filtered incidents. Rendered inside Suspense, so the list
 * shows at once while the database aggregates (a large log takes it a moment).
 */
export async function IncidentMetricsSection({
  member,
  filters,
  groupBy,
}: {
  member: MemberContext;
  filters: IncidentFilters;
  groupBy: "week" | "month";
}) {
  const metrics = await getIncidentMetrics(member, filters, groupBy);
  return <IncidentMetricsPanel metrics={metrics} />;
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
