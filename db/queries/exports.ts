import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { assessmentAnswers, assessments, pilots, runMetrics, useCases, users } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { PilotRunMetricCsvRow, StageHistoryCsvRow } from "@/lib/domain/pilots/csv";
import type { AnswerCsvRow } from "@/lib/domain/question-bank/csv";
import type { UseCaseCsvRow } from "@/lib/domain/use-cases/csv";
import { assertId } from "@/lib/errors";
import { type AssessmentStatus, latestAssessments } from "./assessments";
import {
  listTransitionsOfPilots,
  type PilotFilters,
  pilotFilters,
  withUseCaseAndOwner,
} from "./pilots";
import { runMetricColumns, withRates } from "./run-metrics";
import { matchingUseCases, type UseCaseFilters } from "./use-cases";

// The rows of the CSV exports. Each takes the filters of the list it is downloaded from, so a
// download holds what the list shows (without its page limit), scoped to the caller's
// organisation and checked against their role like the list itself.

/** Use cases matching the list's filters, each with its latest submitted assessment. */
export async function listUseCasesForExport(
  ctx: MemberContext,
  filters: UseCaseFilters,
): Promise<UseCaseCsvRow[]> {
  assertCan(ctx, "usecase:read");
  assertCan(ctx, "assessment:read");
  const rows = await matchingUseCases(ctx, filters);
  const latest = latestAssessments(ctx.orgId);
  const assessed =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(latest)
          .where(
            inArray(
              latest.useCaseId,
              rows.map((r) => r.id),
            ),
          );
  const byUseCase = new Map(assessed.map(({ useCaseId, ...a }) => [useCaseId, a]));
  return rows.map((r) => ({ ...r, latest: byUseCase.get(r.id) ?? null }));
}

export type AssessmentExportFilters = { useCaseId?: string; status?: AssessmentStatus };

/** Every answer of the assessments matching the list's filters, newest assessment first. */
export async function listAssessmentAnswersForExport(
  ctx: MemberContext,
  filters: AssessmentExportFilters,
): Promise<AnswerCsvRow[]> {
  assertCan(ctx, "assessment:read");
  if (filters.useCaseId) assertId(filters.useCaseId, "The use case");
  return db
    .select({
      assessmentId: assessments.id,
      useCaseName: useCases.name,
      status: assessments.status,
      bankVersion: assessments.bankVersion,
      submittedAt: assessments.submittedAt,
      overall: assessments.overall,
      band: assessments.band,
      questionId: assessmentAnswers.questionId,
      optionId: assessmentAnswers.optionId,
      dontKnow: assessmentAnswers.dontKnow,
      evidence: assessmentAnswers.evidence,
      answeredByName: users.name,
      answeredAt: assessmentAnswers.updatedAt,
    })
    .from(assessmentAnswers)
    .innerJoin(assessments, eq(assessments.id, assessmentAnswers.assessmentId))
    .innerJoin(useCases, eq(useCases.id, assessments.useCaseId))
    .leftJoin(users, eq(users.id, assessmentAnswers.answeredBy))
    .where(assessmentFilters(ctx, filters))
    .orderBy(desc(assessments.createdAt), asc(assessments.id), asc(assessmentAnswers.questionId));
}

function assessmentFilters(ctx: MemberContext, filters: AssessmentExportFilters): SQL | undefined {
  return and(
    eq(assessments.orgId, ctx.orgId),
    eq(assessmentAnswers.orgId, ctx.orgId),
    filters.useCaseId ? eq(assessments.useCaseId, filters.useCaseId) : undefined,
    filters.status ? eq(assessments.status, filters.status) : undefined,
  );
}

/** The stage history of every pilot matching the board's filters: one row per move, oldest first. */
export async function listStageHistoryForExport(
  ctx: MemberContext,
  filters: PilotFilters,
): Promise<StageHistoryCsvRow[]> {
  assertCan(ctx, "pilot:read");
  const matching = await withUseCaseAndOwner(
    db
      .select({
        pilotId: pilots.id,
        pilotName: useCases.name,
        ownerName: users.name,
        stage: pilots.stage,
        status: pilots.status,
        startDate: pilots.startDate,
      })
      .from(pilots)
      .$dynamic(),
  )
    .where(pilotFilters(ctx, filters))
    .orderBy(asc(useCases.name), asc(pilots.id));
  const transitions = await listTransitionsOfPilots(
    ctx,
    matching.map((p) => p.pilotId),
  );
  const byPilot = new Map<string, typeof transitions>();
  for (const t of transitions) {
    const list = byPilot.get(t.pilotId);
    if (list) list.push(t);
    else byPilot.set(t.pilotId, [t]);
  }
  return matching.flatMap((pilot) =>
    (byPilot.get(pilot.pilotId) ?? []).map((t) => ({
      ...pilot,
      kind: t.kind,
      fromStage: t.fromStage,
      toStage: t.toStage,
      at: t.createdAt,
      actor: t.actorName ?? t.actorLabel,
      reason: t.reason,
      overridden: t.overridden,
      requestedBy: t.approval?.requestedBy ?? null,
    })),
  );
}

/** Run metrics of every pilot matching the board's filters, by pilot, oldest period first. */
export async function listRunMetricsForExport(
  ctx: MemberContext,
  filters: PilotFilters,
): Promise<PilotRunMetricCsvRow[]> {
  assertCan(ctx, "pilot:read");
  const rows = await db
    .select({ pilotId: pilots.id, pilotName: useCases.name, ...runMetricColumns })
    .from(runMetrics)
    .innerJoin(pilots, eq(pilots.id, runMetrics.pilotId))
    .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
    .where(and(pilotFilters(ctx, filters), eq(runMetrics.orgId, ctx.orgId)))
    .orderBy(
      asc(useCases.name),
      asc(pilots.id),
      asc(runMetrics.periodStart),
      asc(runMetrics.period),
    );
  return rows.map(withRates);
}
