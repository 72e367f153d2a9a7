import { NextResponse } from "next/server";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { transitionInputSchema } from "@/lib/api/pilot-schemas";
import { serializeTransition } from "@/lib/api/serialize";

/**
 * Promotes, rolls back, pauses, resumes or retires a pilot. A failing gate answers 422 with
 * the failing criteria; from an owner or admin token, a justification overrides them.
 */
export const POST = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const input = await parseJson(request, transitionInputSchema);
  const { pilot, transition } = await transitionPilot(ctx, id, {
    ...input,
    override: Boolean(input.justification?.trim()),
  });
  return NextResponse.json(
    {
      pilot: {
        id: pilot.id,
        stage: pilot.stage,
        status: pilot.status,
        stageEnteredAt: pilot.stageEnteredAt.toISOString(),
        version: pilot.version,
      },
      transition: serializeTransition(transition),
    },
    { status: 201 },
  );
});
