import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { pilots, pilotTransitions } from "@/db/schema";
import type { PilotHistory } from "@/lib/domain/incidents";
import { notFound } from "@/lib/errors";

// Checks no permission: the caller has already read the pilot with the member's access.

/** A pilot's start and stage changes, as the incident rules read them. */
export async function loadPilotHistory(
  tx: Executor,
  orgId: string,
  pilotId: string,
): Promise<PilotHistory> {
  // Both reads go out together (pipelined on PostgreSQL).
  const [[pilot], stages] = await Promise.all([
    tx
      .select({ startDate: pilots.startDate, createdAt: pilots.createdAt })
      .from(pilots)
      .where(and(eq(pilots.orgId, orgId), eq(pilots.id, pilotId))),
    tx
      .select({ at: pilotTransitions.createdAt, stage: pilotTransitions.toStage })
      .from(pilotTransitions)
      .where(and(eq(pilotTransitions.orgId, orgId), eq(pilotTransitions.pilotId, pilotId)))
      .orderBy(asc(pilotTransitions.createdAt), asc(pilotTransitions.id)),
  ]);
  if (!pilot) throw notFound("The pilot");
  return { ...pilot, stages };
}
