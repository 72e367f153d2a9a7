import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { pilots, pilotTransitions, useCases } from "@/db/schema";
import {
  type CriterionResult,
  checkTransition,
  type GateEvaluation,
  type PromotionCheck,
} from "@/lib/domain/gates";
import { newlyFailing, overrideRequestStaleness } from "@/lib/domain/gates/overrides";
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
import { writeAudit } from "./internal/audit";
import { evaluatePilotGate } from "./internal/gate-snapshots";
import {
  assertDecisionAllowed,
  assertRequestVersion,
  createOverrideRequest,
  lockOverrideRequest,
  type OverrideRequestDto,
  recordOverrideDecision,
} from "./pilot-override-requests";
import { getPilot, type PilotDto, pilotChangedError, type TransitionDto } from "./pilots";

export type { TransitionTarget };

export type TransitionInput = {
  to: TransitionTarget;
  justification?: string | null;
  /** An owner or admin asks to promote despite failing criteria. */
  override?: boolean;
  version: number;
};

/** A move made, or, when the organisation wants a second approver, an override asked for. */
export type TransitionResult =
  | { pilot: PilotDto; transition: TransitionDto; request: null }
  | { pilot: PilotDto; transition: null; request: OverrideRequestDto };

/**
 * Moves a pilot: promote (gate checked against live data, overridable by owners and admins
 * with a justification), roll back, pause, resume or retire. The version read by the caller
 * must still be current, so of two concurrent changes exactly one wins. When the
 * organisation has overrides need a second approver on, an override promotion does not move
 * the pilot: it becomes a request that another owner or admin approves or rejects.
 */
export async function transitionPilot(
  ctx: MemberContext,
  id: string,
  input: TransitionInput,
  now = new Date(),
): Promise<TransitionResult> {
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
    if (!check.ok) throw refusedTransition(check);
    const reason = input.justification?.trim() || null;
    if (
      transition.type === "promote" &&
      check.overridden.length > 0 &&
      gate?.overridesNeedSecondApprover
    ) {
      const request = await createOverrideRequest(tx, ctx, before, {
        toStage: transition.to,
        justification: reason ?? "",
        failing: check.overridden,
      });
      return { pilot: before, transition: null, request };
    }
    const moved = await applyTransition(tx, ctx, before, {
      transition,
      reason,
      overridden: check.overridden,
      gate: gate?.evaluation ?? null,
      now,
    });
    return { ...moved, request: null };
  });
}

/** The AppError for a move the rules refuse, with the failing criteria as details. */
function refusedTransition(check: Extract<PromotionCheck, { ok: false }>): AppError {
  const code =
    check.code === "override_not_allowed"
      ? "forbidden"
      : check.code === "invalid_state"
        ? "conflict"
        : "invalid_input";
  return new AppError(
    code,
    check.message,
    check.code === "justification_required" ? { justification: [check.message] } : undefined,
    { reason: check.code, failing: check.failing },
  );
}

/**
 * Approves a pending override request, which performs the promotion it asked for, in one
 * transaction: by an owner or admin who is not the requester, only while the pilot is still
 * at the stage and version it was asked for, and only if no criterion fails now that the
 * request did not show. The requester's own sign-offs still do not count.
 */
export async function approveOverrideRequest(
  ctx: MemberContext,
  pilotId: string,
  requestId: string,
  input: { note?: string | null; version: number },
  now = new Date(),
): Promise<{ pilot: PilotDto; transition: TransitionDto; request: OverrideRequestDto }> {
  assertCan(ctx, "pilot:override");
  return db.transaction(async (tx) => {
    const pilot = await getPilot(ctx, pilotId, tx);
    const request = await lockOverrideRequest(tx, ctx, pilot, requestId);
    assertRequestVersion(request, input.version);
    const note = input.note?.trim() || null;
    assertDecisionAllowed(ctx, request, "approve", note);
    const stale = overrideRequestStaleness(request, pilot);
    if (stale) {
      throw new AppError("conflict", stale, undefined, {
        reason: "override_request_stale",
        current: { stage: pilot.stage, status: pilot.status, version: pilot.version },
      });
    }
    const transition = transitionFor(pilot.stage, request.toStage);
    const gate = await evaluatePilotGate(tx, ctx.orgId, pilot, now, request.requesterKey);
    const check = checkTransition({
      transition,
      status: pilot.status,
      evaluation: gate.evaluation,
      requesterId: request.requesterKey,
      requesterRole: ctx.role,
      reason: request.justification,
      override: true,
    });
    if (!check.ok) throw refusedTransition(check);
    const added = newlyFailing(request.failing, check.overridden);
    if (added.length > 0) {
      throw new AppError(
        "conflict",
        `Since this override was asked for, more of the gate fails: ${added.map((c) => c.label.toLowerCase()).join("; ")}. Reject it so it can be asked again with those in view.`,
        undefined,
        { reason: "override_request_stale", failing: added },
      );
    }
    const moved = await applyTransition(tx, ctx, pilot, {
      transition,
      reason: request.justification,
      overridden: check.overridden,
      gate: gate.evaluation,
      now,
      audit: {
        overrideRequestId: request.id,
        requestedBy: request.requestedByName ?? request.requestedByLabel,
        approvedBy: ctx.actor.label,
      },
    });
    const decided = await recordOverrideDecision(
      tx,
      ctx,
      request,
      { status: "approved", note },
      moved.transition.id,
      now,
    );
    return { ...moved, request: decided };
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
