import { updatePilotAssumption } from "@/db/queries/pilot-assumptions";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { assumptionPatchSchema } from "@/lib/api/pilot-schemas";

/** Marks an assumption open, verified, accepted as a risk, or broken, with its evidence. */
export const PATCH = apiRoute<{ id: string; assumptionId: string }>(
  async (ctx, request, { id, assumptionId }) => {
    const input = await parseJson(request, assumptionPatchSchema);
    return updatePilotAssumption(ctx, id, assumptionId, input);
  },
);
