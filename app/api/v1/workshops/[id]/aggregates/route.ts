import { getWorkshopLive } from "@/db/queries/workshops";
import { apiRoute } from "@/lib/api/handler";

/** Per question the distribution, disagreement and split by role tag, read from the database. */
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return getWorkshopLive(ctx, id);
});
