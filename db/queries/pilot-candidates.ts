import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { assessments, pilots, useCases } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { AssessmentResult } from "@/lib/domain/scoring";
import type { Stage } from "@/lib/domain/stages";

export type PilotCandidateDto = {
  useCaseId: string;
  name: string;
  ownerId: string | null;
  overall: number | null;
  band: string | null;
  recommendedStage: Stage;
  submittedAt: Date | null;
};

/** Use cases that can start a pilot: assessed, not archived, with no live pilot. */
export async function listPilotCandidates(ctx: MemberContext): Promise<PilotCandidateDto[]> {
  assertCan(ctx, "pilot:read");
  const rows = await db
    .selectDistinctOn([useCases.id], {
      useCaseId: useCases.id,
      name: useCases.name,
      ownerId: useCases.ownerId,
      overall: assessments.overall,
      band: assessments.band,
      result: assessments.result,
      submittedAt: assessments.submittedAt,
    })
    .from(useCases)
    .innerJoin(
      assessments,
      and(eq(assessments.useCaseId, useCases.id), eq(assessments.status, "submitted")),
    )
    .where(
      and(
        eq(useCases.orgId, ctx.orgId),
        isNull(useCases.archivedAt),
        sql`not exists (select 1 from ${pilots} p where p.use_case_id = ${useCases.id} and p.status <> 'retired')`,
      ),
    )
    .orderBy(useCases.id, desc(assessments.submittedAt));
  return rows
    .map(({ result, ...r }) => ({
      ...r,
      recommendedStage: (result as AssessmentResult | null)?.recommendedStage ?? "proposed",
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
