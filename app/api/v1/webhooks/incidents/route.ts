import { NextResponse } from "next/server";
import { ingestWebhookIncident } from "@/db/queries/incident-webhooks";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { webhookFieldErrors, webhookSchema } from "@/lib/api/incident-schemas";
import { AppError } from "@/lib/errors";

/**
 * The organisation's generic incident webhook: a pager-style event becomes an incident, and
 * later events with the same `external_id` update it (201 when created, 200 when updated).
 */
export const POST = apiRoute(async (ctx, request) => {
  const event = await parseJson(request, webhookSchema);
  try {
    const { incident, created } = await ingestWebhookIncident(ctx, {
      externalId: event.external_id,
      title: event.title,
      description: event.description,
      severity: event.severity,
      pilotId: event.pilot_id ?? null,
      startedAt: event.started_at,
      detectedAt: event.detected_at,
      acknowledgedAt: event.acknowledged_at,
      mitigatedAt: event.mitigated_at,
      resolvedAt: event.resolved_at,
      resolutionNote: event.resolution_note,
    });
    return NextResponse.json(incident, { status: created ? 201 : 200 });
  } catch (error) {
    // Name the event and the fields as the sender wrote them (`started_at`, not `startedAt`).
    if (error instanceof AppError && error.code === "invalid_input") {
      throw new AppError(
        "invalid_input",
        `Event “${event.external_id}” was not applied: ${error.message}`,
        error.fields && webhookFieldErrors(error.fields),
      );
    }
    throw error;
  }
});
