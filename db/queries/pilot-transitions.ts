import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { pilots, pilotTransitions, useCases } from "@/db/schema";
import { type CriterionResult, checkTransition, type GateEvaluation } from "@/lib/domain/gates";
import {
  actorPersonKey,
  actorUserId,
  assertCan,
  type MemberContext,
} from "@/lib/domain/permissions";
import {
  useCaseStatusForPilot as pilotUseCaseStatus,
  TRANSITION_AUDIT_ACTIONS,
  type Transition,
  type TransitionTarget,
  transitionFor,
  transitionOutcome,
} from "@/lib/domain/pilots";
import { AppError } from "@/lib/errors";
import { writeAudit } from "./audit";
import { evaluatePilotGate } from "./gate-snapshots";
import { getPilot, type PilotDto, pilotChangedError, type TransitionDto } from "./pilots";

export type { TransitionTarget };

export type TransitionInput = {
  to: TransitionTarget;
  justification?: string | null;
  /** An owner or admin asks to promote despite failing criteria. */
  override?: boolean;
  version: number;
};

/**
 * Moves a pilot: promote (gate checked against live data, overridable by owners and admins
 * with a justification), roll back, pause, resume or retire. The version read by the caller
 * must still be current, so of two concurrent changes exactly one wins.
 */
export async function transitionPilot(
  ctx: MemberContext,
  id: string,
  input: TransitionInput,
  now = new Date(),
): Promise<{ pilot: PilotDto; transition: TransitionDto }> {
  assertCan(ctx, "pilot:write");
  return db.transaction(async (tx) => {
    const before = await getPilot(ctx, id, tx);
    if (before.version !== input.version) throw pilotChangedError(before);
    const transition = transitionFor(before.stage, input.to);
    const requester = actorPersonKey(ctx.actor);
    const gate =
      transition.type === "promote"
        ? await evaluatePilotGate(tx, ctx.orgId, before, now, requester)
        : null;
    const check = checkTransition({
      transition,
      status: before.status,
      evaluation: gate?.evaluation ?? null,
      requesterId: requester,
      requesterRole: ctx.role,
      reason: input.justification ?? undefined,
      override: input.override,
    });
    if (!check.ok) {
      const code =
        check.code === "override_not_allowed"
          ? "forbidden"
          : check.code === "invalid_state"
            ? "conflict"
            : "invalid_input";
      throw new AppError(
        code,
        check.message,
        check.code === "justification_required" ? { justification: [check.message] } : undefined,
        { reason: check.code, failing: check.failing },
      );
    }
    return applyTransition(tx, ctx, before, {
      transition,
      reason: input.justification?.trim() || null,
      overridden: check.overridden,
      gate: gate?.evaluation ?? null,
      now,
    });
  });
}

/**
 * Writes a checked move: the pilot's new stage and status (refused when its version moved
 * on), the timeline entry, the use case's status and the audit event. Callers have checked
 * access and the move itself.
 */
export async function applyTransition(
  tx: Executor,
  ctx: MemberContext,
  before: PilotDto,
  move: {
    transition: Transition;
    reason: string | null;
    overridden: CriterionResult[];
    gate: GateEvaluation | null;
    now: Date;
    /** Added to the audit event (an approved override request, say). */
    audit?: Record<string, unknown>;
  },
): Promise<{ pilot: PilotDto; transition: TransitionDto }> {
  const { transition, reason, overridden, now } = move;
  const { stage: toStage, status } = transitionOutcome(transition);
  const stageChanges = toStage !== before.stage;
  const [updated] = await tx
    .update(pilots)
    .set({
      stage: toStage,
      status,
      ...(stageChanges ? { stageEnteredAt: now } : {}),
      version: sql`${pilots.version} + 1`,
    })
    .where(
      and(
        eq(pilots.orgId, ctx.orgId),
        eq(pilots.id, before.id),
        eq(pilots.version, before.version),
      ),
    )
    .returning({ id: pilots.id });
  if (!updated) throw pilotChangedError(await getPilot(ctx, before.id, tx));

  const [row] = await tx
    .insert(pilotTransitions)
    .values({
      orgId: ctx.orgId,
      pilotId: before.id,
      kind: transition.type,
      fromStage: before.stage,
      toStage,
      actorUserId: actorUserId(ctx.actor),
      actorLabel: ctx.actor.label,
      reason,
      overridden,
      gate: move.gate?.criteria ?? null,
      createdAt: now,
    })
    .returning({ id: pilotTransitions.id });
  if (!row) throw new Error("insert returned no row");
  await tx
    .update(useCases)
    .set({ status: pilotUseCaseStatus(toStage, status) })
    .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, before.useCaseId)));
  const after = await getPilot(ctx, before.id, tx);
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action:
      overridden.length > 0
        ? "pilot.promoted_with_override"
        : TRANSITION_AUDIT_ACTIONS[transition.type],
    entityType: "pilot",
    entityId: before.id,
    before: { stage: before.stage, status: before.status, version: before.version },
    after: {
      stage: after.stage,
      status: after.status,
      version: after.version,
      reason,
      ...(overridden.length > 0
        ? {
            overridden: overridden.map((c) => ({
              kind: c.kind,
              measured: c.measured,
              threshold: c.threshold,
            })),
          }
        : {}),
      ...move.audit,
    },
  });
  return {
    pilot: after,
    transition: {
      id: row.id,
      kind: transition.type,
      fromStage: before.stage,
      toStage,
      actorName: null,
      actorLabel: ctx.actor.label,
      reason,
      overridden,
      createdAt: now,
    },
  };
}
