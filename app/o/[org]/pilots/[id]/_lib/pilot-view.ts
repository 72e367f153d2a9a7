import { listPilotIncidents } from "@/db/queries/incidents";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { getPilot, getPilotGate, listPilotTimeline } from "@/db/queries/pilots";
import { listRunMetricSeries } from "@/db/queries/run-metrics";
import type { MemberContext } from "@/lib/domain/permissions";

/** What a pilot's page receives: the organisation's slug and the pilot's id. */
export type PilotPageProps = { params: Promise<{ org: string; id: string }> };

/**
 * What the pilot's page and its report both show: the pilot, its gate, timeline, run metrics
 * (per week or month when the recorded periods are many), assumptions and incidents (the
 * latest `incidentLimit` of them listed, when given).
 */
export async function loadPilotView(member: MemberContext, id: string, incidentLimit?: number) {
  const [pilot, gate, timeline, metrics, assumptions, incidents] = await Promise.all([
    getPilot(member, id),
    getPilotGate(member, id),
    listPilotTimeline(member, id),
    listRunMetricSeries(member, id),
    listPilotAssumptions(member, id),
    listPilotIncidents(member, id, incidentLimit),
  ]);
  return { pilot, gate, timeline, metrics, assumptions, incidents };
}
