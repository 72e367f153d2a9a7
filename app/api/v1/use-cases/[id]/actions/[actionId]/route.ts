import { removeInventoryAction, updateInventoryAction } from "@/db/queries/inventory";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { inventoryActionPatchSchema } from "@/lib/api/inventory-schemas";
import { versionQuerySchema } from "@/lib/api/schemas";

type Params = { id: string; actionId: string };

/** Changes an action; fields left out keep their value. A stale `version` is a 409. */
export const PATCH = apiRoute<Params>(async (ctx, request, { id, actionId }) => {
  const patch = await parseJson(request, inventoryActionPatchSchema);
  return updateInventoryAction(ctx, id, actionId, patch);
});

/** Removes an action; the version the client last read comes as `?version=` (no body on DELETE). */
export const DELETE = apiRoute<Params>(async (ctx, request, { id, actionId }) => {
  const { version } = parseQuery(request, versionQuerySchema);
  await removeInventoryAction(ctx, id, actionId, version);
  return new Response(null, { status: 204 });
});
