import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  assessments,
  incidents,
  invitations,
  memberships,
  organisations,
  pilots,
  runMetrics,
  useCases,
} from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { GettingStartedProgress } from "@/lib/domain/portfolio";
import { notFound } from "@/lib/errors";
import { cachedForOrg } from "./internal/org-cache";

export type GettingStartedDto = GettingStartedProgress & {
  /** Use cases not archived, and the sum of their annual value estimates (null when none has one). */
  activeUseCases: number;
  annualValue: number | null;
};

/**
 * How far the organisation has come, for the dashboard's getting-started steps: one query of
 * existence checks (each stops at the first row) and the use cases' count and total value.
 */
export async function getGettingStarted(ctx: MemberContext): Promise<GettingStartedDto> {
  assertCan(ctx, "org:read");
  return cachedForOrg(ctx, "getting-started", null, () => readGettingStarted(ctx.orgId));
}

async function readGettingStarted(org: string): Promise<GettingStartedDto> {
  const [row] = await db
    .select({
      teammateInvited: sql<boolean>`(
        exists (select 1 from ${memberships} m where m.org_id = ${org} offset 1)
        or exists (
          select 1 from ${invitations} i
          where i.org_id = ${org} and i.accepted_at is null and i.revoked_at is null
            and i.expires_at > now()
        )
      )`,
      useCaseCreated: sql<boolean>`exists (select 1 from ${useCases} u where u.org_id = ${org})`,
      assessmentSubmitted: sql<boolean>`exists (
        select 1 from ${assessments} a where a.org_id = ${org} and a.status = 'submitted'
      )`,
      pilotStarted: sql<boolean>`exists (select 1 from ${pilots} p where p.org_id = ${org})`,
      runMetricsRecorded: sql<boolean>`exists (select 1 from ${runMetrics} r where r.org_id = ${org})`,
      incidentLogged: sql<boolean>`exists (select 1 from ${incidents} n where n.org_id = ${org})`,
      activeUseCases: sql<number>`(
        select count(*)::int from ${useCases} u where u.org_id = ${org} and u.archived_at is null
      )`,
      annualValue: sql<string | null>`(
        select sum(u.annual_value)::text from ${useCases} u
        where u.org_id = ${org} and u.archived_at is null
      )`,
    })
    .from(organisations)
    .where(eq(organisations.id, org));
  if (!row) throw notFound("The organisation");
  return {
    ...row,
    activeUseCases: Number(row.activeUseCases),
    annualValue: row.annualValue === null ? null : Number(row.annualValue),
  };
}
