import { setWorkshopState } from "@/db/queries/workshops";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { serializeWorkshop } from "@/lib/api/serialize";
import { workshopStateInputSchema } from "@/lib/api/workshop-schemas";

/**
 * Opens, pauses or closes a workshop (lead tokens and above). A stale `version`, or a move the
 * workshop's state does not allow, is a 409 that changes nothing.
 */
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const { to, version } = await parseJson(request, workshopStateInputSchema);
  return serializeWorkshop(await setWorkshopState(ctx, id, to, version));
});
