import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db";
import {
  assessments,
  incidents,
  organisations,
  pilotAssumptions,
  pilotSignoffs,
  pilots,
  runMetrics,
} from "@/db/schema";
import {
  countableSignoffs,
  evaluateGate,
  type GateCriterion,
  type GatedStage,
  type GateEvaluation,
  type GateSignoff,
  type GateSnapshot,
} from "@/lib/domain/gates";
import { effectiveGateCriteria } from "@/lib/domain/gates/settings";
import { type AssumptionStatus, nextStage } from "@/lib/domain/pilots";
import { BANDS, type Band } from "@/lib/domain/scoring/bands";
import type { Stage } from "@/lib/domain/stages";
import { ofPilots, type PilotRows } from "./scope";

export type SnapshotPilot = {
  id: string;
  useCaseId: string;
  stage: Stage;
  stageEnteredAt: Date;
  rollbackPlan: string;
};

export type SignoffDto = GateSignoff;

export type PilotGateDto = {
  /** The stage the gate leads to, or null in production. */
  nextStage: Stage | null;
  evaluation: GateEvaluation | null;
  signoffs: SignoffDto[];
  /** Whether an override promotion waits for a second owner or admin. */
  overridesNeedSecondApprover: boolean;
};

/** An organisation's settings and override policy; undefined for an unknown organisation. */
export async function loadOrgSettings(tx: Executor, orgId: string) {
  const [org] = await tx
    .select({
      settings: organisations.settings,
      overridesNeedSecondApprover: organisations.overridesNeedSecondApprover,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return org;
}

/**
 * How an organisation governs its gates: the criteria in force per stage, and whether an
 * override promotion waits for a second owner or admin.
 */
export async function loadGatePolicy(
  tx: Executor,
  orgId: string,
): Promise<{
  criteria: Record<GatedStage, GateCriterion[]>;
  overridesNeedSecondApprover: boolean;
}> {
  const org = await loadOrgSettings(tx, orgId);
  return {
    criteria: effectiveGateCriteria(org?.settings?.gates),
    overridesNeedSecondApprover: org?.overridesNeedSecondApprover ?? false,
  };
}

/** The gate criteria in force in an organisation, per stage. */
export async function loadGateCriteria(
  tx: Executor,
  orgId: string,
): Promise<Record<GatedStage, GateCriterion[]>> {
  return (await loadGatePolicy(tx, orgId)).criteria;
}

/**
 * Rows of these pilots recorded in each pilot's current stage, `since` it entered it (the
 * query joins `pilots`).
 */
function inCurrentStage(
  table: PilotRows & { stage: PgColumn },
  orgId: string,
  ids: string[],
  since: SQL,
) {
  return ofPilots(table, orgId, ids, eq(table.stage, pilots.stage), since);
}

/**
 * Everything the gates of several pilots are checked against, aggregated in SQL, one query
 * per kind of data whatever the number of pilots.
 */
export async function loadGateSnapshots(
  tx: Executor,
  orgId: string,
  list: readonly SnapshotPilot[],
): Promise<Map<string, GateSnapshot & { signoffRows: SignoffDto[] }>> {
  const result = new Map<string, GateSnapshot & { signoffRows: SignoffDto[] }>();
  if (list.length === 0) return result;
  const ids = list.map((p) => p.id);
  const useCaseIds = [...new Set(list.map((p) => p.useCaseId))];

  const [scores, metrics, open, inStage, assumptionCounts, signoffs] = await Promise.all([
    tx
      .selectDistinctOn([assessments.useCaseId], {
        useCaseId: assessments.useCaseId,
        overall: assessments.overall,
        band: assessments.band,
      })
      .from(assessments)
      .where(
        and(
          eq(assessments.orgId, orgId),
          eq(assessments.status, "submitted"),
          inArray(assessments.useCaseId, useCaseIds),
        ),
      )
      .orderBy(assessments.useCaseId, desc(assessments.submittedAt)),
    tx
      .select({
        pilotId: runMetrics.pilotId,
        attempted: sql<number>`coalesce(sum(${runMetrics.attempted}), 0)`.mapWith(Number),
        correct: sql<number>`coalesce(sum(${runMetrics.correct}), 0)`.mapWith(Number),
        overrides: sql<number>`coalesce(sum(${runMetrics.overrides}), 0)`.mapWith(Number),
        escalations: sql<number>`coalesce(sum(${runMetrics.escalations}), 0)`.mapWith(Number),
      })
      .from(runMetrics)
      .innerJoin(pilots, eq(pilots.id, runMetrics.pilotId))
      .where(
        inCurrentStage(
          runMetrics,
          orgId,
          ids,
          sql`${runMetrics.periodStart} >= (${pilots.stageEnteredAt} at time zone 'UTC')::date`,
        ),
      )
      .groupBy(runMetrics.pilotId),
    tx
      .select({
        pilotId: incidents.pilotId,
        severity: incidents.severity,
        n: sql<number>`count(*)::int`,
      })
      .from(incidents)
      .where(ofPilots(incidents, orgId, ids, isNull(incidents.resolvedAt)))
      .groupBy(incidents.pilotId, incidents.severity),
    tx
      .select({ pilotId: incidents.pilotId, n: sql<number>`count(*)::int` })
      .from(incidents)
      .innerJoin(pilots, eq(pilots.id, incidents.pilotId))
      .where(
        inCurrentStage(
          incidents,
          orgId,
          ids,
          sql`${incidents.startedAt} >= ${pilots.stageEnteredAt}`,
        ),
      )
      .groupBy(incidents.pilotId),
    tx
      .select({
        pilotId: pilotAssumptions.pilotId,
        status: pilotAssumptions.status,
        n: sql<number>`count(*)::int`,
      })
      .from(pilotAssumptions)
      .where(ofPilots(pilotAssumptions, orgId, ids))
      .groupBy(pilotAssumptions.pilotId, pilotAssumptions.status),
    tx
      .select({
        pilotId: pilotSignoffs.pilotId,
        id: pilotSignoffs.id,
        criterion: pilotSignoffs.criterion,
        userId: pilotSignoffs.userId,
        userName: sql<
          string | null
        >`(select name from users u where u.id = ${pilotSignoffs.userId})`,
        role: pilotSignoffs.role,
        note: pilotSignoffs.note,
        createdAt: pilotSignoffs.createdAt,
      })
      .from(pilotSignoffs)
      .innerJoin(pilots, eq(pilots.id, pilotSignoffs.pilotId))
      .where(
        inCurrentStage(
          pilotSignoffs,
          orgId,
          ids,
          sql`${pilotSignoffs.createdAt} >= ${pilots.stageEnteredAt}`,
        ),
      )
      .orderBy(pilotSignoffs.createdAt),
  ]);

  const scoreByUseCase = new Map(scores.map((s) => [s.useCaseId, s]));
  for (const p of list) {
    const m = metrics.find((r) => r.pilotId === p.id);
    const openBy = (sev: string) =>
      open.find((r) => r.pilotId === p.id && r.severity === sev)?.n ?? 0;
    const assumptions: { status: AssumptionStatus }[] = [];
    for (const a of assumptionCounts.filter((r) => r.pilotId === p.id)) {
      for (let i = 0; i < a.n; i++) assumptions.push({ status: a.status });
    }
    const signoffRows = signoffs
      .filter((s) => s.pilotId === p.id)
      .map(({ pilotId: _p, ...s }) => s);
    result.set(p.id, {
      stage: p.stage,
      stageEnteredAt: p.stageEnteredAt,
      readinessScore: scoreByUseCase.get(p.useCaseId)?.overall ?? null,
      readinessBand: asBand(scoreByUseCase.get(p.useCaseId)?.band),
      metrics: {
        attempted: m?.attempted ?? 0,
        correct: m?.correct ?? 0,
        overrides: m?.overrides ?? 0,
        escalations: m?.escalations ?? 0,
      },
      openIncidents: {
        sev1: openBy("sev1"),
        sev2: openBy("sev2"),
        sev3: openBy("sev3"),
        sev4: openBy("sev4"),
      },
      incidentsInStage: inStage.find((r) => r.pilotId === p.id)?.n ?? 0,
      assumptions,
      rollbackPlan: p.rollbackPlan,
      signoffs: signoffRows.map((s) => ({ role: s.role, userId: s.userId })),
      signoffRows,
    });
  }
  return result;
}

function asBand(value: string | null | undefined): Band | null {
  return BANDS.find((b) => b === value) ?? null;
}

/**
 * The gate out of one pilot's current stage at `now`. With a requester, their own sign-offs
 * do not count (nobody is the only approver of their own promotion). Callers check access.
 */
export async function evaluatePilotGate(
  tx: Executor,
  orgId: string,
  pilot: SnapshotPilot,
  now: Date,
  requesterId?: string,
): Promise<PilotGateDto> {
  const [{ criteria, overridesNeedSecondApprover }, snapshots] = await Promise.all([
    loadGatePolicy(tx, orgId),
    loadGateSnapshots(tx, orgId, [pilot]),
  ]);
  const snapshot = snapshots.get(pilot.id);
  if (!snapshot) throw new Error("missing gate snapshot");
  const signoffs = snapshot.signoffRows;
  if (pilot.stage === "production") {
    return { nextStage: null, evaluation: null, signoffs, overridesNeedSecondApprover };
  }
  const evaluation = evaluateGate(
    criteria[pilot.stage],
    requesterId
      ? { ...snapshot, signoffs: countableSignoffs(snapshot.signoffs, requesterId) }
      : snapshot,
    now,
  );
  return { nextStage: nextStage(pilot.stage), evaluation, signoffs, overridesNeedSecondApprover };
}
