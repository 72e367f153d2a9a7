import { NextResponse } from "next/server";
import { createWorkshop, createWorkshopIdempotent, listWorkshops } from "@/db/queries/workshops";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { serializeWorkshop } from "@/lib/api/serialize";
import { workshopInputSchema, workshopQuerySchema } from "@/lib/api/workshop-schemas";

/** The organisation's workshops, newest date first; `useCaseId` narrows them to one use case. */
export const GET = apiRoute(async (ctx, request) => {
  const filters = parseQuery(request, workshopQuerySchema);
  return { data: (await listWorkshops(ctx, filters)).map(serializeWorkshop) };
});

/**
 * Sets a workshop up as a draft on the current question bank (lead tokens and above). With an
 * Idempotency-Key header, a retry with the same body returns the first workshop.
 */
export const POST = apiRoute(async (ctx, request) => {
  const body = await parseJson(request, workshopInputSchema);
  const key = request.headers.get("idempotency-key");
  if (key !== null) {
    // The stored answer is the workshop as JSON: its dates are already ISO strings.
    const result = await createWorkshopIdempotent(ctx, body, { key, body });
    return NextResponse.json(result.body, {
      status: result.status,
      headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined,
    });
  }
  return NextResponse.json(serializeWorkshop(await createWorkshop(ctx, body)), { status: 201 });
});
