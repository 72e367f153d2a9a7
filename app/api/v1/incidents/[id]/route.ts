import { updateIncident } from "@/db/queries/incident-writes";
import { getIncident } from "@/db/queries/incidents";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { incidentPatchSchema } from "@/lib/api/incident-schemas";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => getIncident(ctx, id));

/** Changes the fields sent (resolve by sending `resolvedAt`, reopen with `resolvedAt: null`). */
export const PATCH = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const patch = await parseJson(request, incidentPatchSchema);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return updateIncident(ctx, id, changes as typeof patch);
});
