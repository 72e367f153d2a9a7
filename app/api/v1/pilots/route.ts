import { NextResponse } from "next/server";
import { listPilotCards, pilotStartPoint, startPilot } from "@/db/queries/pilots";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { pilotQuerySchema, startPilotInputSchema } from "@/lib/api/pilot-schemas";
import { AppError } from "@/lib/errors";

export const GET = apiRoute(async (ctx, request) => {
  const q = parseQuery(request, pilotQuerySchema);
  const cards = await listPilotCards(ctx, q);
  return { data: cards.map(({ openSevere: _s, ...c }) => c) };
});

export const POST = apiRoute(async (ctx, request) => {
  const input = await parseJson(request, startPilotInputSchema);
  const start = await pilotStartPoint(ctx, input.useCaseId);
  if (!start) {
    throw new AppError(
      "invalid_input",
      "Submit an assessment of this use case first: a pilot starts from its recommendation.",
      { useCaseId: ["This use case has no submitted assessment."] },
    );
  }
  const pilot = await startPilot(ctx, {
    ...input,
    stage: input.stage ?? start.recommendedStage,
    startDate: input.startDate ?? new Date().toISOString().slice(0, 10),
  });
  return NextResponse.json(
    { ...pilot, stageEnteredAt: pilot.stageEnteredAt.toISOString() },
    { status: 201 },
  );
});
