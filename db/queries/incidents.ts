import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { incidents } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/auth/permissions";
import type { IncidentCategory, Outcome, Severity } from "@/lib/domain/incidents";
import type { Stage } from "@/lib/domain/stages";
import { getPilot } from "./pilots";

export type IncidentSummaryDto = {
  id: string;
  title: string;
  severity: Severity;
  category: IncidentCategory;
  outcome: Outcome;
  stage: Stage | null;
  startedAt: Date;
  resolvedAt: Date | null;
};

/** A pilot's most recent incidents, open ones first, and how many it has in all. */
export async function listPilotIncidents(
  ctx: MemberContext,
  pilotId: string,
  limit = 10,
): Promise<{ items: IncidentSummaryDto[]; total: number; open: number }> {
  assertCan(ctx, "pilot:read");
  await getPilot(ctx, pilotId);
  const where = and(eq(incidents.orgId, ctx.orgId), eq(incidents.pilotId, pilotId));
  const [items, [counts]] = await Promise.all([
    db
      .select({
        id: incidents.id,
        title: incidents.title,
        severity: incidents.severity,
        category: incidents.category,
        outcome: incidents.outcome,
        stage: incidents.stage,
        startedAt: incidents.startedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
      .where(where)
      .orderBy(sql`${incidents.resolvedAt} is null desc`, desc(incidents.startedAt))
      .limit(limit),
    db
      .select({
        total: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${incidents.resolvedAt} is null)::int`,
      })
      .from(incidents)
      .where(where),
  ]);
  return { items, total: counts?.total ?? 0, open: counts?.open ?? 0 };
}
