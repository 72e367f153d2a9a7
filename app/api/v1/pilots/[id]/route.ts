import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { getPilot, getPilotGate, listPilotTimeline } from "@/db/queries/pilots";
import { apiRoute } from "@/lib/api/handler";
import { serializePilot } from "@/lib/api/serialize";

/** A pilot with its gate evaluated against live data, its timeline and its assumptions. */
export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  const pilot = await getPilot(ctx, id);
  const [gate, timeline, assumptions] = await Promise.all([
    getPilotGate(ctx, id),
    listPilotTimeline(ctx, id),
    listPilotAssumptions(ctx, id),
  ]);
  return serializePilot(pilot, gate, timeline, assumptions);
});
