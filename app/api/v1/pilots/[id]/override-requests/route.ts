import { listOverrideRequests } from "@/db/queries/pilot-override-requests";
import { apiRoute } from "@/lib/api/handler";
import { serializeOverrideRequest } from "@/lib/api/serialize";

/** The pilot's gate override requests, newest first. */
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  return { data: (await listOverrideRequests(ctx, id)).map(serializeOverrideRequest) };
});
