import { and, asc, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import {
  assessments,
  gateOverrideRequests,
  incidentPilotRollups,
  memberships,
  pilotAssumptions,
  pilots,
  pilotTransitions,
  runMetrics,
  useCases,
  users,
} from "@/db/schema";
import { evaluateGate } from "@/lib/domain/gates";
import { actorUserId, assertCan, can, type MemberContext } from "@/lib/domain/permissions";
import {
  brokenAssumptionWarning,
  MIN_START_JUSTIFICATION,
  NO_ASSESSMENT_MESSAGE,
  type PilotStatus,
  periodBeforeStartError,
  startsLaterThanRecommended,
  type TransitionEntry,
  useCaseStatusForPilot,
} from "@/lib/domain/pilots";
import { type AssessmentResult, normaliseResult } from "@/lib/domain/scoring";
import { STAGE_LABELS, type Stage, stageIndex } from "@/lib/domain/stages";
import { AppError, assertId, conflict, isUuid, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import {
  evaluatePilotGate,
  loadGateCriteria,
  loadGateSnapshots,
  type PilotGateDto,
} from "./internal/gate-snapshots";
import { cachedForOrg } from "./internal/org-cache";
import { ofPilots } from "./internal/scope";

export type PilotSummaryDto = {
  id: string;
  useCaseId: string;
  useCaseName: string;
  ownerId: string | null;
  ownerName: string | null;
  stage: Stage;
  status: PilotStatus;
  stageEnteredAt: Date;
  startDate: string;
  targetDate: string | null;
  version: number;
  updatedAt: Date;
};

export type PilotCardDto = PilotSummaryDto & {
  daysInStage: number;
  /** Null in production, where there is no gate left. */
  gatePass: boolean | null;
  failingCriteria: number;
  openIncidents: number;
  openSevere: number;
  brokenAssumptions: number;
  warning: string | null;
};

export type PilotDto = PilotSummaryDto & {
  assessmentId: string | null;
  rollbackPlan: string;
  startJustification: string | null;
  createdAt: Date;
};

export type TransitionDto = TransitionEntry;

export type { PilotGateDto };

const DAY_MS = 86_400_000;

const summaryColumns = {
  id: pilots.id,
  useCaseId: pilots.useCaseId,
  useCaseName: useCases.name,
  ownerId: pilots.ownerId,
  ownerName: users.name,
  stage: pilots.stage,
  status: pilots.status,
  stageEnteredAt: pilots.stageEnteredAt,
  startDate: pilots.startDate,
  targetDate: pilots.targetDate,
  version: pilots.version,
  updatedAt: pilots.updatedAt,
};

const detailColumns = {
  ...summaryColumns,
  assessmentId: pilots.assessmentId,
  rollbackPlan: pilots.rollbackPlan,
  startJustification: pilots.startJustification,
  createdAt: pilots.createdAt,
};

/** Pilots with their use case and owner: the select's columns are drawn from the three. */
export function withUseCaseAndOwner<T extends PgSelect>(query: T) {
  return query
    .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
    .leftJoin(users, eq(users.id, pilots.ownerId));
}

export type PilotFilters = {
  q?: string;
  stage?: Stage;
  status?: PilotStatus;
  ownerId?: string;
  /** Retired pilots are left out unless asked for. */
  includeRetired?: boolean;
};

/** The condition that picks the organisation's pilots matching the board's filters (joins use cases). */
export function pilotFilters(ctx: MemberContext, filters: PilotFilters): SQL | undefined {
  const q = filters.q?.trim();
  return and(
    eq(pilots.orgId, ctx.orgId),
    filters.stage ? eq(pilots.stage, filters.stage) : undefined,
    filters.status ? eq(pilots.status, filters.status) : undefined,
    !filters.status && !filters.includeRetired ? sql`${pilots.status} <> 'retired'` : undefined,
    filters.ownerId ? eq(pilots.ownerId, filters.ownerId) : undefined,
    q ? ilike(useCases.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
}

/** The pilot board: every pilot with days in stage, gate status, open incidents and warnings. */
export async function listPilotCards(
  ctx: MemberContext,
  filters: PilotFilters = {},
  now = new Date(),
): Promise<PilotCardDto[]> {
  assertCan(ctx, "pilot:read");
  // The same for every reader; computed once per change to the organisation's data.
  return cachedForOrg(ctx, "pilot-cards", filters, () => readPilotCards(ctx, filters, now));
}

async function readPilotCards(
  ctx: MemberContext,
  filters: PilotFilters,
  now: Date,
): Promise<PilotCardDto[]> {
  const rows = await withUseCaseAndOwner(
    db
      .select({ ...summaryColumns, rollbackPlan: pilots.rollbackPlan })
      .from(pilots)
      .$dynamic(),
  )
    .where(pilotFilters(ctx, filters))
    .orderBy(desc(pilots.updatedAt))
    .limit(500);
  const [criteria, snapshots] = await Promise.all([
    loadGateCriteria(db, ctx.orgId),
    loadGateSnapshots(db, ctx.orgId, rows),
  ]);
  return rows.map(({ rollbackPlan: _r, ...row }) => {
    const snapshot = snapshots.get(row.id);
    if (!snapshot) throw new Error("missing gate snapshot");
    const gate =
      row.stage === "production" ? null : evaluateGate(criteria[row.stage], snapshot, now);
    const broken = snapshot.assumptions.filter((a) => a.status === "broken").length;
    const openIncidents = Object.values(snapshot.openIncidents).reduce((a, b) => a + b, 0);
    return {
      ...row,
      daysInStage: Math.max(0, Math.floor((now.getTime() - row.stageEnteredAt.getTime()) / DAY_MS)),
      gatePass: gate ? gate.pass : null,
      failingCriteria: gate ? gate.criteria.filter((c) => !c.pass).length : 0,
      openIncidents,
      openSevere: snapshot.openIncidents.sev1 + snapshot.openIncidents.sev2,
      brokenAssumptions: broken,
      warning: brokenAssumptionWarning(row.stage, broken)
        ? `${broken} broken assumption${broken === 1 ? "" : "s"} while past shadow`
        : null,
    };
  });
}

/** One pilot of the caller's organisation. */
export async function getPilot(
  ctx: MemberContext,
  id: string,
  tx: Executor = db,
): Promise<PilotDto> {
  assertCan(ctx, "pilot:read");
  assertId(id, "The pilot");
  const [row] = await withUseCaseAndOwner(tx.select(detailColumns).from(pilots).$dynamic()).where(
    and(eq(pilots.orgId, ctx.orgId), eq(pilots.id, id)),
  );
  if (!row) throw notFound("The pilot");
  return row;
}

/** The live (not retired) pilot of a use case, if any. */
export async function findLivePilotForUseCase(
  ctx: MemberContext,
  useCaseId: string,
): Promise<PilotSummaryDto | null> {
  assertCan(ctx, "pilot:read");
  assertId(useCaseId, "The use case");
  const [row] = await withUseCaseAndOwner(db.select(summaryColumns).from(pilots).$dynamic()).where(
    and(
      eq(pilots.orgId, ctx.orgId),
      eq(pilots.useCaseId, useCaseId),
      sql`${pilots.status} <> 'retired'`,
    ),
  );
  return row ?? null;
}

/** The gate out of the pilot's current stage, evaluated against live data at `now`. */
export async function getPilotGate(
  ctx: MemberContext,
  id: string,
  now = new Date(),
  tx: Executor = db,
  requesterId?: string,
): Promise<PilotGateDto> {
  const pilot = await getPilot(ctx, id, tx);
  return evaluatePilotGate(tx, ctx.orgId, pilot, now, requesterId);
}

const overrideRequester = alias(users, "override_requester");

/**
 * Every start, promotion, rollback, pause, resume and retirement, oldest first; a promotion
 * made by approving an override request names who asked for it.
 */
export async function listPilotTimeline(ctx: MemberContext, id: string): Promise<TransitionDto[]> {
  await getPilot(ctx, id);
  return listTransitionsOfPilots(ctx, [id]);
}

/** The timelines of several pilots of the organisation, each oldest first, as one list. */
export async function listTransitionsOfPilots(
  ctx: MemberContext,
  pilotIds: readonly string[],
): Promise<(TransitionDto & { pilotId: string })[]> {
  assertCan(ctx, "pilot:read");
  if (pilotIds.length === 0) return [];
  const rows = await db
    .select({
      id: pilotTransitions.id,
      pilotId: pilotTransitions.pilotId,
      kind: pilotTransitions.kind,
      fromStage: pilotTransitions.fromStage,
      toStage: pilotTransitions.toStage,
      actorName: users.name,
      actorLabel: pilotTransitions.actorLabel,
      reason: pilotTransitions.reason,
      overridden: pilotTransitions.overridden,
      createdAt: pilotTransitions.createdAt,
      requestedByName: overrideRequester.name,
      requestedByLabel: gateOverrideRequests.requestedByLabel,
      approvalNote: gateOverrideRequests.decisionNote,
    })
    .from(pilotTransitions)
    .leftJoin(users, eq(users.id, pilotTransitions.actorUserId))
    .leftJoin(gateOverrideRequests, eq(gateOverrideRequests.transitionId, pilotTransitions.id))
    .leftJoin(overrideRequester, eq(overrideRequester.id, gateOverrideRequests.requestedBy))
    .where(ofPilots(pilotTransitions, ctx.orgId, pilotIds))
    .orderBy(asc(pilotTransitions.createdAt), asc(pilotTransitions.id));
  return rows.map(({ requestedByName, requestedByLabel, approvalNote, ...t }) => ({
    ...t,
    approval: requestedByLabel
      ? { requestedBy: requestedByName ?? requestedByLabel, note: approvalNote }
      : null,
  }));
}

async function assertMember(tx: Executor, ctx: MemberContext, userId: string | null) {
  if (!userId) return;
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
  if (!row) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      ownerId: ["Choose an owner who is a member of this organisation."],
    });
  }
}

function assertDates(startDate: string, targetDate: string | null) {
  if (targetDate && targetDate < startDate) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      targetDate: ["The target date must be on or after the start date."],
    });
  }
}

export type StartPilotInput = {
  useCaseId: string;
  ownerId: string | null;
  /** Defaults to the stage the latest assessment recommends. */
  stage?: Stage;
  startDate: string;
  targetDate: string | null;
  rollbackPlan: string;
  justification?: string | null;
};

/** What starting a pilot for a use case would begin from: its latest submitted assessment. */
export async function pilotStartPoint(
  ctx: MemberContext,
  useCaseId: string,
  tx: Executor = db,
): Promise<{
  assessmentId: string;
  overall: number | null;
  recommendedStage: Stage;
  maxStage: Stage;
} | null> {
  assertCan(ctx, "pilot:read");
  assertId(useCaseId, "The use case");
  const [row] = await tx
    .select({ id: assessments.id, overall: assessments.overall, result: assessments.result })
    .from(assessments)
    .where(
      and(
        eq(assessments.orgId, ctx.orgId),
        eq(assessments.useCaseId, useCaseId),
        eq(assessments.status, "submitted"),
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(1);
  if (!row) return null;
  const result = normaliseResult(row.result);
  return {
    assessmentId: row.id,
    overall: row.overall,
    recommendedStage: result?.recommendedStage ?? "proposed",
    maxStage: result?.maxStage ?? "proposed",
  };
}

/**
 * Starts a pilot of a use case at the stage its latest assessment recommends, or a later one
 * with a written justification, copying the assessment's assumptions register.
 */
export async function startPilot(ctx: MemberContext, input: StartPilotInput): Promise<PilotDto> {
  assertCan(ctx, "pilot:write");
  assertId(input.useCaseId, "The use case");
  assertDates(input.startDate, input.targetDate);
  return db.transaction(async (tx) => {
    const [useCase] = await tx
      .select({ id: useCases.id, archivedAt: useCases.archivedAt })
      .from(useCases)
      .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, input.useCaseId)));
    if (!useCase) throw notFound("The use case");
    if (useCase.archivedAt) throw conflict("This use case is archived: restore it first.");
    const start = await pilotStartPoint(ctx, input.useCaseId, tx);
    if (!start) {
      throw new AppError("invalid_input", NO_ASSESSMENT_MESSAGE, {
        useCaseId: ["This use case has no submitted assessment."],
      });
    }
    const stage = input.stage ?? start.recommendedStage;
    const justification = input.justification?.trim() || null;
    if (stageIndex(stage) > stageIndex(start.maxStage) && !can(ctx, "pilot:override")) {
      throw new AppError("invalid_input", "Some fields need your attention.", {
        stage: [
          `The assessment's band allows a pilot up to ${STAGE_LABELS[start.maxStage].toLowerCase()}. Only an owner or admin can start it further along, with a written justification.`,
        ],
      });
    }
    if (
      startsLaterThanRecommended(stage, start.recommendedStage) &&
      (justification?.length ?? 0) < MIN_START_JUSTIFICATION
    ) {
      throw new AppError("invalid_input", "Some fields need your attention.", {
        justification: [
          `The assessment recommends starting in ${STAGE_LABELS[start.recommendedStage].toLowerCase()}. Say why this pilot starts at a later stage, in at least ${MIN_START_JUSTIFICATION} characters.`,
        ],
      });
    }
    await assertMember(tx, ctx, input.ownerId);
    const [live] = await tx
      .select({ id: pilots.id })
      .from(pilots)
      .where(
        and(
          eq(pilots.orgId, ctx.orgId),
          eq(pilots.useCaseId, input.useCaseId),
          sql`${pilots.status} <> 'retired'`,
        ),
      );
    if (live)
      throw conflict("This use case already has a pilot. Retire it before starting another.");

    const [row] = await tx
      .insert(pilots)
      .values({
        orgId: ctx.orgId,
        useCaseId: input.useCaseId,
        assessmentId: start.assessmentId,
        ownerId: input.ownerId,
        stage,
        startDate: input.startDate,
        targetDate: input.targetDate,
        rollbackPlan: input.rollbackPlan.trim(),
        startJustification: justification,
      })
      .returning({ id: pilots.id });
    if (!row) throw new Error("insert returned no row");

    const [assessment] = await tx
      .select({ result: assessments.result })
      .from(assessments)
      .where(eq(assessments.id, start.assessmentId));
    const register = (assessment?.result as AssessmentResult | null)?.assumptions ?? [];
    if (register.length > 0) {
      await tx.insert(pilotAssumptions).values(
        register.map((a) => ({
          orgId: ctx.orgId,
          pilotId: row.id,
          questionId: a.questionId,
          dimensionId: a.dimensionId,
          text: a.assumption,
          evidence: a.evidence,
        })),
      );
    }
    await tx.insert(pilotTransitions).values({
      orgId: ctx.orgId,
      pilotId: row.id,
      kind: "start",
      fromStage: null,
      toStage: stage,
      actorUserId: actorUserId(ctx.actor),
      actorLabel: ctx.actor.label,
      reason: justification,
    });
    await tx
      .update(useCases)
      .set({ status: useCaseStatusForPilot(stage, "active") })
      .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, input.useCaseId)));
    const created = await getPilot(ctx, row.id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "pilot.started",
      entityType: "pilot",
      entityId: row.id,
      after: {
        useCaseId: input.useCaseId,
        stage,
        recommendedStage: start.recommendedStage,
        ownerId: input.ownerId,
        startDate: input.startDate,
        targetDate: input.targetDate,
        rollbackPlan: created.rollbackPlan,
        justification,
        assumptions: register.length,
      },
    });
    return created;
  });
}

/** A later start date may not leave recorded run metrics before it. */
async function assertNoMetricsBefore(tx: Executor, pilotId: string, startDate: string) {
  const earliest = await tx
    .select({
      period: runMetrics.period,
      periodStart: sql<string>`min(${runMetrics.periodStart})::text`,
    })
    .from(runMetrics)
    .where(eq(runMetrics.pilotId, pilotId))
    .groupBy(runMetrics.period);
  const before = earliest.find((e) => periodBeforeStartError(e.period, e.periodStart, startDate));
  if (before) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      startDate: [
        `Run metrics are recorded from ${before.periodStart}: the start date cannot be later than that.`,
      ],
    });
  }
}

export type UpdatePilotInput = {
  ownerId: string | null;
  startDate: string;
  targetDate: string | null;
  rollbackPlan: string;
  version: number;
};

/** The conflict of a change made on a stale read, with the pilot's state now. */
export function pilotChangedError(current: PilotDto, what = "this pilot"): AppError {
  return new AppError(
    "conflict",
    `Someone else changed ${what} since you opened it: it is now ${STAGE_LABELS[current.stage].toLowerCase()}${current.status === "active" ? "" : `, ${current.status}`} (version ${current.version}). Look at the new state, then try again.`,
    undefined,
    { current: { stage: current.stage, status: current.status, version: current.version } },
  );
}

/** Edits a pilot's owner, dates and rollback plan; refuses a stale version. */
export async function updatePilot(
  ctx: MemberContext,
  id: string,
  input: UpdatePilotInput,
): Promise<PilotDto> {
  assertCan(ctx, "pilot:write");
  assertDates(input.startDate, input.targetDate);
  return db.transaction(async (tx) => {
    const before = await getPilot(ctx, id, tx);
    if (before.status === "retired") throw conflict("A retired pilot cannot be edited.");
    await assertMember(tx, ctx, input.ownerId);
    if (input.startDate > before.startDate) await assertNoMetricsBefore(tx, id, input.startDate);
    const [row] = await tx
      .update(pilots)
      .set({
        ownerId: input.ownerId,
        startDate: input.startDate,
        targetDate: input.targetDate,
        rollbackPlan: input.rollbackPlan.trim(),
        version: sql`${pilots.version} + 1`,
      })
      .where(and(eq(pilots.orgId, ctx.orgId), eq(pilots.id, id), eq(pilots.version, input.version)))
      .returning({ id: pilots.id });
    if (!row) throw pilotChangedError(await getPilot(ctx, id, tx));
    const after = await getPilot(ctx, id, tx);
    const pick = (p: PilotDto) => ({
      ownerId: p.ownerId,
      startDate: p.startDate,
      targetDate: p.targetDate,
      rollbackPlan: p.rollbackPlan,
    });
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "pilot.updated",
      entityType: "pilot",
      entityId: id,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}

/**
 * The pilots a filter offers when an organisation has too many to list: the `limit` with the
 * most incidents of all time (read from the incident rollups), plus `selectedId` when it is
 * one of the organisation's pilots, sorted by name; and how many pilots there are in all.
 */
export async function listPilotFilterOptions(
  ctx: MemberContext,
  limit: number,
  selectedId?: string,
): Promise<{ options: { id: string; name: string }[]; total: number }> {
  assertCan(ctx, "pilot:read");
  return cachedForOrg(ctx, "pilot-filter-options", { limit, selectedId }, async () => {
    const busiest = sql`(select ${incidentPilotRollups.incidents} from ${incidentPilotRollups}
      where ${incidentPilotRollups.orgId} = ${ctx.orgId} and ${incidentPilotRollups.pilotId} = ${pilots.id})`;
    const [rows, [count]] = await Promise.all([
      db
        .select({ id: pilots.id, name: useCases.name })
        .from(pilots)
        .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
        .where(eq(pilots.orgId, ctx.orgId))
        .orderBy(sql`coalesce(${busiest}, 0) desc`, asc(useCases.name))
        .limit(limit),
      db.select({ n: sql<number>`count(*)::int` }).from(pilots).where(eq(pilots.orgId, ctx.orgId)),
    ]);
    if (selectedId && isUuid(selectedId) && !rows.some((r) => r.id === selectedId)) {
      const [selected] = await db
        .select({ id: pilots.id, name: useCases.name })
        .from(pilots)
        .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
        .where(and(eq(pilots.orgId, ctx.orgId), eq(pilots.id, selectedId)));
      if (selected) rows.push(selected);
    }
    rows.sort((a, b) => a.name.localeCompare(b.name));
    return { options: rows, total: Number(count?.n ?? 0) };
  });
}

/** Pilots for pickers and filters (incident forms and the like), most recent first. */
export async function listPilotOptions(
  ctx: MemberContext,
): Promise<{ id: string; name: string; stage: Stage; status: PilotStatus }[]> {
  assertCan(ctx, "pilot:read");
  // An async function: a query builder re-runs its query every time it is awaited.
  return cachedForOrg(ctx, "pilot-options", null, async () =>
    db
      .select({ id: pilots.id, name: useCases.name, stage: pilots.stage, status: pilots.status })
      .from(pilots)
      .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
      .where(eq(pilots.orgId, ctx.orgId))
      .orderBy(asc(useCases.name)),
  );
}
