import { NextResponse } from "next/server";
import { createIncidentBatchIdempotent } from "@/db/queries/incident-writes";
import { apiRoute, parseBody, readJson } from "@/lib/api/handler";
import { toIncidentInput } from "@/lib/api/incident-input";
import { incidentBatchSchema } from "@/lib/api/incident-schemas";
import { INCIDENT_BATCH_MAX } from "@/lib/domain/incidents/schemas";
import { AppError } from "@/lib/errors";

/**
 * Logs up to 500 incidents on a pilot at once, all or none, as a monitoring integration
 * sends them. The Idempotency-Key header is required: a retry with the same body returns the
 * first answer and creates nothing; the same key with another body is a 409.
 */
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const key = request.headers.get("idempotency-key");
  if (key === null) {
    throw new AppError(
      "bad_request",
      "A batch needs an Idempotency-Key header, so that a retry cannot log its incidents twice.",
    );
  }
  const raw = await readJson(request);
  // Too large a batch is refused as a whole before each of its incidents is checked.
  const sent = (raw as { incidents?: unknown } | null)?.incidents;
  if (Array.isArray(sent) && sent.length > INCIDENT_BATCH_MAX) {
    throw new AppError(
      "bad_request",
      `A batch holds at most ${INCIDENT_BATCH_MAX} incidents; this one has ${sent.length}. Split it into smaller batches.`,
    );
  }
  const body = parseBody(raw, incidentBatchSchema);
  const result = await createIncidentBatchIdempotent(
    ctx,
    id,
    body.incidents.map(toIncidentInput),
    key,
    body,
  );
  return NextResponse.json(result.body, {
    status: result.status,
    headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined,
  });
});
