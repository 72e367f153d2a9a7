import { db } from "@/db";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { assertId } from "@/lib/errors";
import { listPilotIncidents } from "./incidents";
import { evaluatePilotGate } from "./internal/gate-snapshots";
import { cachedForOrg } from "./internal/org-cache";
import { listPilotAssumptions } from "./pilot-assumptions";
import { getPilot, listTransitionsOfPilots } from "./pilots";
import { listRunMetricSeries } from "./run-metrics";

/**
 * What a pilot's page and its report show: the pilot, its gate evaluated against live data,
 * timeline, run metrics series, assumptions and latest incidents (`incidentLimit` of them).
 * The same for every reader who may read pilots, so it is read once per change to the
 * organisation's data; what the reader may do with it is decided by the page.
 */
export async function getPilotView(ctx: MemberContext, id: string, incidentLimit?: number) {
  assertCan(ctx, "pilot:read");
  assertId(id, "The pilot");
  return cachedForOrg(ctx, "pilot-view", { id, incidentLimit }, async () => {
    // Not found throws here, before the rest is read (and a failure is not kept).
    const pilot = await getPilot(ctx, id);
    const [gate, timeline, metrics, assumptions, incidents] = await Promise.all([
      evaluatePilotGate(db, ctx.orgId, pilot, new Date()),
      listTransitionsOfPilots(ctx, [id]),
      listRunMetricSeries(ctx, id),
      listPilotAssumptions(ctx, id),
      listPilotIncidents(ctx, id, incidentLimit),
    ]);
    return { pilot, gate, timeline, metrics, assumptions, incidents };
  });
}
