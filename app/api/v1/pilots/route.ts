import { NextResponse } from "next/server";
import { listPilotCards, startPilot } from "@/db/queries/pilots";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { pilotQuerySchema, startPilotInputSchema } from "@/lib/api/pilot-schemas";

export const GET = apiRoute(async (ctx, request) => {
  const q = parseQuery(request, pilotQuerySchema);
  const cards = await listPilotCards(ctx, q);
  return { data: cards.map(({ openSevere: _s, ...c }) => c) };
});

export const POST = apiRoute(async (ctx, request) => {
  const input = await parseJson(request, startPilotInputSchema);
  const pilot = await startPilot(ctx, {
    ...input,
    startDate: input.startDate ?? new Date().toISOString().slice(0, 10),
  });
  return NextResponse.json(
    { ...pilot, stageEnteredAt: pilot.stageEnteredAt.toISOString() },
    { status: 201 },
  );
});
