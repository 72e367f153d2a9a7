import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { toIncidentFilters } from "@/lib/api/incident-input";
import { incidentMetricsQuerySchema } from "@/lib/api/incident-schemas";
import { METRIC_DEFINITIONS } from "@/lib/domain/incidents";

/** Incident outcome metrics by week or month, with their definitions. */
export const GET = apiRoute(async (ctx, request) => {
  const q = parseQuery(request, incidentMetricsQuerySchema);
  const metrics = await getIncidentMetrics(ctx, toIncidentFilters(q), q.groupBy);
  return { ...metrics, definitions: METRIC_DEFINITIONS };
});
