import { NextResponse } from "next/server";
import { ingestWebhookIncident } from "@/db/queries/incidents";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { webhookSchema } from "@/lib/api/incident-schemas";

/**
 * The organisation's generic incident webhook: a pager-style event becomes an incident, and
 * later events with the same `external_id` update it (201 when created, 200 when updated).
 */
export const POST = apiRoute(async (ctx, request) => {
  const e = await parseJson(request, webhookSchema);
  const { incident, created } = await ingestWebhookIncident(ctx, {
    externalId: e.external_id,
    title: e.title,
    description: e.description,
    severity: e.severity,
    pilotId: e.pilot_id ?? null,
    startedAt: e.started_at,
    detectedAt: e.detected_at,
    acknowledgedAt: e.acknowledged_at,
    mitigatedAt: e.mitigated_at,
    resolvedAt: e.resolved_at,
  });
  return NextResponse.json(incident, { status: created ? 201 : 200 });
});
