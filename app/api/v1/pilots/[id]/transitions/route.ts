import { NextResponse } from "next/server";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { transitionInputSchema } from "@/lib/api/pilot-schemas";
import {
  serializeOverrideRequest,
  serializePilotState,
  serializeTransition,
} from "@/lib/api/serialize";

/**
 * Promotes, rolls back, pauses, resumes or retires a pilot. A failing gate answers 422 with
 * the failing criteria; from an owner or admin token, a justification overrides them, or,
 * when the organisation wants a second approver, asks for the override (202).
 */
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await parseJson(request, transitionInputSchema);
  const result = await transitionPilot(ctx, id, {
    ...input,
    override: Boolean(input.justification?.trim()),
  });
  if (result.request) {
    return NextResponse.json(
      {
        pilot: serializePilotState(result.pilot),
        request: serializeOverrideRequest(result.request),
      },
      { status: 202 },
    );
  }
  return NextResponse.json(
    {
      pilot: serializePilotState(result.pilot),
      transition: serializeTransition(result.transition),
    },
    { status: 201 },
  );
});
