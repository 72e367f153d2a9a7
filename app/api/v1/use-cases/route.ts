import { NextResponse } from "next/server";
import { createUseCase, listUseCases } from "@/db/queries/use-cases";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { useCaseInputSchema, useCaseQuerySchema } from "@/lib/api/schemas";
import { serializeUseCase } from "@/lib/api/serialize";

export const GET = apiRoute(async (ctx, request) => {
  const q = parseQuery(request, useCaseQuerySchema);
  const items = await listUseCases(ctx, {
    q: q.q,
    status: q.status,
    archived: q.archived === "true",
  });
  return { data: items.map((u) => serializeUseCase(u, ctx.currency)) };
});

export const POST = apiRoute(async (ctx, request) => {
  const input = await parseJson(request, useCaseInputSchema);
  const created = await createUseCase(ctx, input);
  return NextResponse.json(serializeUseCase(created, ctx.currency), { status: 201 });
});
