import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { gateOverrideRequests, pilots, users } from "@/db/schema";
import type { CriterionResult } from "@/lib/domain/gates";
import type { OverrideRequestDto } from "@/lib/domain/gates/overrides";
import {
  type OverrideDecision,
  type OverrideRequestStatus,
  overrideDecisionRefusal,
  overrideRequestStaleness,
} from "@/lib/domain/gates/overrides";
import {
  actorPersonKey,
  actorUserId,
  assertCan,
  type MemberContext,
} from "@/lib/domain/permissions";
import type { Stage } from "@/lib/domain/stages";
import { AppError, assertId, conflict, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { cachedForOrg } from "./internal/org-cache";
import { getPilot, type PilotDto } from "./pilots";

export type { OverrideRequestDto };

const requester = alias(users, "requester");
const decider = alias(users, "decider");

const columns = {
  id: gateOverrideRequests.id,
  pilotId: gateOverrideRequests.pilotId,
  fromStage: gateOverrideRequests.fromStage,
  toStage: gateOverrideRequests.toStage,
  pilotVersion: gateOverrideRequests.pilotVersion,
  justification: gateOverrideRequests.justification,
  failing: gateOverrideRequests.failing,
  requestedBy: gateOverrideRequests.requestedBy,
  requestedByName: requester.name,
  requestedByLabel: gateOverrideRequests.requestedByLabel,
  requestedAt: gateOverrideRequests.createdAt,
  status: gateOverrideRequests.status,
  decidedByName: decider.name,
  decidedByLabel: gateOverrideRequests.decidedByLabel,
  decidedAt: gateOverrideRequests.decidedAt,
  decisionNote: gateOverrideRequests.decisionNote,
  version: gateOverrideRequests.version,
};

function selectRequests(tx: Executor) {
  return tx
    .select(columns)
    .from(gateOverrideRequests)
    .leftJoin(requester, eq(requester.id, gateOverrideRequests.requestedBy))
    .leftJoin(decider, eq(decider.id, gateOverrideRequests.decidedBy));
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>["where"]>>[number];

function toDto(row: RequestRow, pilot: PilotDto): OverrideRequestDto {
  return {
    ...row,
    staleReason: row.status === "pending" ? overrideRequestStaleness(row, pilot) : null,
  };
}

/** The pilot's override requests, newest first: pending ones and those decided before. */
export async function listOverrideRequests(
  ctx: MemberContext,
  pilotId: string,
  limit = 20,
): Promise<OverrideRequestDto[]> {
  assertCan(ctx, "pilot:read");
  assertId(pilotId, "The pilot");
  // The same for every reader; read once per change to the organisation's data.
  return cachedForOrg(ctx, "override-requests", { pilotId, limit }, async () => {
    const pilot = await getPilot(ctx, pilotId);
    const rows = await selectRequests(db)
      .where(
        and(eq(gateOverrideRequests.orgId, ctx.orgId), eq(gateOverrideRequests.pilotId, pilotId)),
      )
      .orderBy(desc(gateOverrideRequests.createdAt), desc(gateOverrideRequests.id))
      .limit(limit);
    return rows.map((r) => toDto(r, pilot));
  });
}

/** One request of the pilot, locked for the decision on it; a foreign id is not found. */
export async function lockOverrideRequest(
  tx: Executor,
  ctx: MemberContext,
  pilot: PilotDto,
  requestId: string,
): Promise<OverrideRequestDto & { requesterKey: string }> {
  assertId(requestId, "The override request");
  const [locked] = await tx
    .select({ requesterKey: gateOverrideRequests.requesterKey })
    .from(gateOverrideRequests)
    .where(
      and(
        eq(gateOverrideRequests.orgId, ctx.orgId),
        eq(gateOverrideRequests.pilotId, pilot.id),
        eq(gateOverrideRequests.id, requestId),
      ),
    )
    .for("update");
  if (!locked) throw notFound("The override request");
  const [row] = await selectRequests(tx).where(eq(gateOverrideRequests.id, requestId));
  if (!row) throw notFound("The override request");
  return { ...toDto(row, pilot), requesterKey: locked.requesterKey };
}

/**
 * Records an owner's or admin's override promotion as a request for another owner or admin
 * to approve, when the organisation asks for a second approver. One pending request per
 * version of the pilot: a second one is a conflict. Callers have checked the override.
 */
export async function createOverrideRequest(
  tx: Executor,
  ctx: MemberContext,
  pilot: PilotDto,
  input: { toStage: Stage; justification: string; failing: CriterionResult[] },
): Promise<OverrideRequestDto> {
  // Serialises requests for the pilot, so two admins asking at once make one request.
  await tx
    .select({ id: pilots.id })
    .from(pilots)
    .where(and(eq(pilots.orgId, ctx.orgId), eq(pilots.id, pilot.id)))
    .for("update");
  const [waiting] = await selectRequests(tx).where(
    and(
      eq(gateOverrideRequests.orgId, ctx.orgId),
      eq(gateOverrideRequests.pilotId, pilot.id),
      eq(gateOverrideRequests.status, "pending"),
      eq(gateOverrideRequests.pilotVersion, pilot.version),
    ),
  );
  if (waiting) {
    throw new AppError(
      "conflict",
      `An override of this gate is already waiting for approval (asked by ${waiting.requestedByName ?? waiting.requestedByLabel}). Approve, reject or withdraw it first.`,
      undefined,
      { requestId: waiting.id },
    );
  }
  const [row] = await tx
    .insert(gateOverrideRequests)
    .values({
      orgId: ctx.orgId,
      pilotId: pilot.id,
      fromStage: pilot.stage,
      toStage: input.toStage,
      pilotVersion: pilot.version,
      justification: input.justification,
      failing: input.failing,
      requestedBy: actorUserId(ctx.actor) ?? tokenCreator(ctx),
      requestedByLabel: ctx.actor.label,
      requesterKey: actorPersonKey(ctx.actor),
    })
    .returning({ id: gateOverrideRequests.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action: "pilot.override_requested",
    entityType: "pilot",
    entityId: pilot.id,
    after: {
      requestId: row.id,
      fromStage: pilot.stage,
      toStage: input.toStage,
      pilotVersion: pilot.version,
      justification: input.justification,
      failing: input.failing.map((c) => ({
        kind: c.kind,
        measured: c.measured,
        threshold: c.threshold,
      })),
    },
  });
  const [created] = await selectRequests(tx).where(eq(gateOverrideRequests.id, row.id));
  if (!created) throw new Error("request not found after insert");
  return toDto(created, pilot);
}

const tokenCreator = (ctx: MemberContext) =>
  ctx.actor.type === "token" ? ctx.actor.createdByUserId : null;

/**
 * Marks a pending request decided (approved, rejected or withdrawn) at the version read, and
 * writes the audit event. Callers have checked who may decide.
 */
export async function recordOverrideDecision(
  tx: Executor,
  ctx: MemberContext,
  request: OverrideRequestDto,
  decision: { status: Exclude<OverrideRequestStatus, "pending">; note: string | null },
  transitionId: string | null = null,
  now = new Date(),
): Promise<OverrideRequestDto> {
  const [row] = await tx
    .update(gateOverrideRequests)
    .set({
      status: decision.status,
      decidedBy: actorUserId(ctx.actor) ?? tokenCreator(ctx),
      decidedByLabel: ctx.actor.label,
      decidedAt: now,
      decisionNote: decision.note,
      transitionId,
      version: sql`${gateOverrideRequests.version} + 1`,
    })
    .where(
      and(
        eq(gateOverrideRequests.id, request.id),
        eq(gateOverrideRequests.version, request.version),
        eq(gateOverrideRequests.status, "pending"),
      ),
    )
    .returning({ id: gateOverrideRequests.id });
  if (!row) throw conflict("Someone else decided on this override request first. Reload to see.");
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action: `pilot.override_${decision.status}`,
    entityType: "pilot",
    entityId: request.pilotId,
    before: { requestId: request.id, status: request.status, version: request.version },
    after: {
      requestId: request.id,
      status: decision.status,
      fromStage: request.fromStage,
      toStage: request.toStage,
      requestedBy: request.requestedByName ?? request.requestedByLabel,
      note: decision.note,
      ...(transitionId ? { transitionId } : {}),
    },
  });
  const [updated] = await selectRequests(tx).where(eq(gateOverrideRequests.id, request.id));
  if (!updated) throw new Error("request not found after update");
  return { ...updated, staleReason: null };
}

/** Refuses a decision the rules do not allow, as the matching AppError. */
export function assertDecisionAllowed(
  ctx: MemberContext,
  request: OverrideRequestDto & { requesterKey: string },
  decision: OverrideDecision,
  note: string | null,
): void {
  const refusal = overrideDecisionRefusal({
    decision,
    status: request.status,
    requesterKey: request.requesterKey,
    deciderKey: actorPersonKey(ctx.actor),
    deciderRole: ctx.role,
    note,
  });
  if (!refusal) return;
  throw new AppError(
    refusal.code,
    refusal.message,
    refusal.field ? { [refusal.field]: [refusal.message] } : undefined,
    { reason: `override_${decision}_refused` },
  );
}

/** Checks that the request is the one the caller read (its version) before deciding on it. */
export function assertRequestVersion(request: OverrideRequestDto, version: number) {
  if (request.version !== version) {
    throw new AppError(
      "conflict",
      "This override request changed since you opened it. Look at it again, then decide.",
      undefined,
      { current: { status: request.status, version: request.version } },
    );
  }
}

/**
 * Rejects a pending override request (another owner or admin, with a note saying why). The
 * pilot stays where it is.
 */
export async function rejectOverrideRequest(
  ctx: MemberContext,
  pilotId: string,
  requestId: string,
  input: { note: string; version: number },
  now = new Date(),
): Promise<OverrideRequestDto> {
  assertCan(ctx, "pilot:override");
  return db.transaction(async (tx) => {
    const pilot = await getPilot(ctx, pilotId, tx);
    const request = await lockOverrideRequest(tx, ctx, pilot, requestId);
    assertRequestVersion(request, input.version);
    const note = input.note.trim() || null;
    assertDecisionAllowed(ctx, request, "reject", note);
    return recordOverrideDecision(tx, ctx, request, { status: "rejected", note }, null, now);
  });
}

/** The requester withdraws their own pending override request. */
export async function withdrawOverrideRequest(
  ctx: MemberContext,
  pilotId: string,
  requestId: string,
  input: { note?: string | null; version: number },
  now = new Date(),
): Promise<OverrideRequestDto> {
  assertCan(ctx, "pilot:write");
  return db.transaction(async (tx) => {
    const pilot = await getPilot(ctx, pilotId, tx);
    const request = await lockOverrideRequest(tx, ctx, pilot, requestId);
    assertRequestVersion(request, input.version);
    const note = input.note?.trim() || null;
    assertDecisionAllowed(ctx, request, "withdraw", note);
    return recordOverrideDecision(tx, ctx, request, { status: "withdrawn", note }, null, now);
  });
}
