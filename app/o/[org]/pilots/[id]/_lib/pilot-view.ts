import { getPilotView } from "@/db/queries/pilot-view";
import type { MemberContext } from "@/lib/domain/permissions";

/** What a pilot's page receives: the organisation's slug and the pilot's id. */
export type PilotPageProps = { params: Promise<{ org: string; id: string }> };

/**
 * What the pilot's page and its report both show: the pilot, its gate, timeline, run metrics
 * (per week or month when the recorded periods are many), assumptions and incidents (the
 * latest `incidentLimit` of them listed, when given). Read once per change to the
 * organisation's data and shared by its readers (db/queries/pilot-view.ts).
 */
export async function loadPilotView(member: MemberContext, id: string, incidentLimit?: number) {
  return getPilotView(member, id, incidentLimit);
}
