import { getUseCase, updateUseCase } from "@/db/queries/use-cases";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { useCasePatchSchema } from "@/lib/api/schemas";
import { serializeUseCase } from "@/lib/api/serialize";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return serializeUseCase(await getUseCase(ctx, id), ctx.currency);
});

/** Edits a use case; fields left out keep their value. A stale `version` is a 409. */
export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const patch = await parseJson(request, useCasePatchSchema);
  return serializeUseCase(await updateUseCase(ctx, id, patch), ctx.currency);
});
