import { getWorkshop } from "@/db/queries/workshops";
import { apiRoute } from "@/lib/api/handler";
import { serializeWorkshop } from "@/lib/api/serialize";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return serializeWorkshop(await getWorkshop(ctx, id));
});
