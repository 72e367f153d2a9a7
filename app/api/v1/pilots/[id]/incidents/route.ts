import { NextResponse } from "next/server";
import { createIncident, createIncidentIdempotent } from "@/db/queries/incident-writes";
import { listIncidents } from "@/db/queries/incidents";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { toIncidentFilters, toIncidentInput } from "@/lib/api/incident-input";
import { incidentInputSchema, incidentQuerySchema } from "@/lib/api/incident-schemas";

/** The pilot's incidents, newest first, one page at a time. */
export const GET = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const q = parseQuery(request, incidentQuerySchema);
  const page = await listIncidents(ctx, { ...toIncidentFilters(q), pilotId: id }, q);
  return { data: page.items, nextCursor: page.nextCursor, total: page.total };
});

/**
 * Logs an incident on a pilot. With an Idempotency-Key header, a retry with the same body
 * returns the first incident and creates nothing; the same key with another body is a 409.
 */
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const body = await parseJson(request, incidentInputSchema);
  const input = toIncidentInput(body);
  const key = request.headers.get("idempotency-key");
  if (key !== null) {
    const result = await createIncidentIdempotent(ctx, id, input, key, body);
    return NextResponse.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined,
    });
  }
  return NextResponse.json(await createIncident(ctx, id, input), { status: 201 });
});
