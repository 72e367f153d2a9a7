import { NextResponse } from "next/server";
import {
  listRunMetrics,
  recordRunMetrics,
  recordRunMetricsIdempotent,
} from "@/db/queries/run-metrics";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { runMetricsInputSchema } from "@/lib/api/pilot-schemas";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return { data: await listRunMetrics(ctx, id) };
});

/**
 * Records run metrics for one or more periods; a period already recorded is replaced. With an
 * Idempotency-Key header, a retry replays the first response instead of writing again.
 */
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const body = await parseJson(request, runMetricsInputSchema);
  const key = request.headers.get("idempotency-key");
  if (key !== null) {
    const result = await recordRunMetricsIdempotent(ctx, id, body.metrics, key, body);
    return NextResponse.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined,
    });
  }
  const data = await recordRunMetrics(ctx, id, body.metrics, "api");
  return NextResponse.json({ data }, { status: 201 });
});
