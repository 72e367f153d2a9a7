import {
  rejectOverrideRequest,
  withdrawOverrideRequest,
} from "@/db/queries/pilot-override-requests";
import { approveOverrideRequest } from "@/db/queries/pilot-transitions";
import { getPilot } from "@/db/queries/pilots";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { overrideDecisionInputSchema } from "@/lib/api/pilot-schemas";
import {
  serializeOverrideRequest,
  serializePilotState,
  serializeTransition,
} from "@/lib/api/serialize";

/**
 * Decides on a gate override request: another owner or admin approves it (which promotes the
 * pilot) or rejects it with a note; the requester withdraws it.
 */
export const POST = apiRoute<{ id: string; requestId: string }>(
  async (ctx, request, { id, requestId }) => {
    const input = await parseJson(request, overrideDecisionInputSchema);
    if (input.decision === "approve") {
      const approved = await approveOverrideRequest(ctx, id, requestId, input);
      return {
        request: serializeOverrideRequest(approved.request),
        pilot: serializePilotState(approved.pilot),
        transition: serializeTransition(approved.transition),
      };
    }
    const decided =
      input.decision === "reject"
        ? await rejectOverrideRequest(ctx, id, requestId, { ...input, note: input.note ?? "" })
        : await withdrawOverrideRequest(ctx, id, requestId, input);
    return {
      request: serializeOverrideRequest(decided),
      pilot: serializePilotState(await getPilot(ctx, id)),
      transition: null,
    };
  },
);
