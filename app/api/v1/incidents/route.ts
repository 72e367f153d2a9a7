import { listIncidents } from "@/db/queries/incidents";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { toIncidentFilters } from "@/lib/api/incident-input";
import { incidentQuerySchema } from "@/lib/api/incident-schemas";

/** The organisation's incidents, newest first, filtered, one page at a time (cursor). */
export const GET = apiRoute(async (ctx, request) => {
  const q = parseQuery(request, incidentQuerySchema);
  const page = await listIncidents(ctx, toIncidentFilters(q), q);
  return { data: page.items, nextCursor: page.nextCursor, total: page.total };
});
