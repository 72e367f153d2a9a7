import { and, desc, eq, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { incidents, pilotAssumptions, pilotTransitions } from "@/db/schema";
import {
  type IncidentDto,
  type IncidentInput,
  TIMELINE_FIELDS,
  validateIncidentTimeline,
} from "@/lib/domain/incidents";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { Stage } from "@/lib/domain/stages";
import { AppError, assertId, conflict } from "@/lib/errors";
import { writeAudit } from "./audit";
import { runIdempotent } from "./idempotency";
import { getIncident } from "./incidents";
import { getPilot } from "./pilots";

// Creating, changing, resolving and reopening incidents, each in one transaction with its
// audit row. The exported helpers (stageAt, assertTimeline, snapshot, insertIncident) are
// shared with webhook ingestion (incident-webhooks.ts) and check no permission themselves.

/** The stage a pilot was in at a moment, read from its timeline. */
export async function stageAt(tx: Executor, pilotId: string, at: Date): Promise<Stage | null> {
  const [row] = await tx
    .select({ toStage: pilotTransitions.toStage })
    .from(pilotTransitions)
    .where(and(eq(pilotTransitions.pilotId, pilotId), lte(pilotTransitions.createdAt, at)))
    .orderBy(desc(pilotTransitions.createdAt))
    .limit(1);
  if (row) return row.toStage;
  const [first] = await tx
    .select({ toStage: pilotTransitions.toStage })
    .from(pilotTransitions)
    .where(eq(pilotTransitions.pilotId, pilotId))
    .orderBy(pilotTransitions.createdAt)
    .limit(1);
  return first?.toStage ?? null;
}

export function assertTimeline(
  input: Pick<IncidentInput, (typeof TIMELINE_FIELDS)[number]>,
  now: Date,
) {
  const errors: Record<string, string[]> = {};
  for (const [field, message] of Object.entries(validateIncidentTimeline(input))) {
    errors[field] = [message];
  }
  for (const field of TIMELINE_FIELDS) {
    const at = input[field];
    if (at && at.getTime() > now.getTime() + 5 * 60_000 && !errors[field]) {
      errors[field] = ["This time is in the future."];
    }
  }
  if (Object.keys(errors).length > 0) {
    throw new AppError("invalid_input", "Some times are out of order.", errors);
  }
}

/** Marks the linked assumption broken (in the same transaction), unless it already is. */
async function breakAssumption(
  tx: Executor,
  ctx: MemberContext,
  pilotId: string | null,
  assumptionId: string | null,
  incidentTitle: string,
) {
  if (!assumptionId) return;
  assertId(assumptionId, "The assumption");
  const [assumption] = await tx
    .select({
      id: pilotAssumptions.id,
      status: pilotAssumptions.status,
      evidence: pilotAssumptions.evidence,
    })
    .from(pilotAssumptions)
    .where(
      and(
        eq(pilotAssumptions.orgId, ctx.orgId),
        eq(pilotAssumptions.id, assumptionId),
        pilotId ? eq(pilotAssumptions.pilotId, pilotId) : sql`false`,
      ),
    );
  if (!assumption) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      assumptionId: ["Choose an assumption of this incident's pilot."],
    });
  }
  if (assumption.status === "broken") return;
  const evidence = `Broken by the incident “${incidentTitle}”.`;
  await tx
    .update(pilotAssumptions)
    .set({
      status: "broken",
      evidence,
      updatedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      version: sql`${pilotAssumptions.version} + 1`,
    })
    .where(eq(pilotAssumptions.id, assumption.id));
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action: "assumption.updated",
    entityType: "pilot",
    entityId: pilotId,
    before: {
      assumptionId: assumption.id,
      status: assumption.status,
      evidence: assumption.evidence,
    },
    after: { assumptionId: assumption.id, status: "broken", evidence },
  });
}

export const snapshot = (i: Partial<IncidentDto> & Partial<IncidentInput>) => ({
  title: i.title,
  severity: i.severity,
  category: i.category,
  detectionSource: i.detectionSource,
  outcome: i.outcome,
  startedAt: i.startedAt,
  detectedAt: i.detectedAt,
  acknowledgedAt: i.acknowledgedAt,
  mitigatedAt: i.mitigatedAt,
  resolvedAt: i.resolvedAt,
  costEstimate: i.costEstimate,
  assumptionId: i.assumptionId,
  actions: i.actions,
});

export async function insertIncident(
  tx: Executor,
  ctx: MemberContext,
  pilotId: string | null,
  input: IncidentInput & { externalId?: string | null },
  now: Date,
): Promise<IncidentDto> {
  assertTimeline(input, now);
  if (pilotId) await getPilot(ctx, pilotId, tx);
  const stage = pilotId ? await stageAt(tx, pilotId, input.startedAt) : null;
  await breakAssumption(tx, ctx, pilotId, input.assumptionId, input.title);
  const [row] = await tx
    .insert(incidents)
    .values({
      ...input,
      title: input.title.trim(),
      description: input.description.trim(),
      orgId: ctx.orgId,
      pilotId,
      stage,
      externalId: input.externalId ?? null,
      createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
    })
    .returning({ id: incidents.id });
  if (!row) throw new Error("insert returned no row");
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action: "incident.created",
    entityType: "incident",
    entityId: row.id,
    after: { pilotId, stage, ...snapshot(input) },
  });
  return getIncident(ctx, row.id, tx);
}

/** Logs an incident, on a pilot or organisation-wide (contributors and above). */
export async function createIncident(
  ctx: MemberContext,
  pilotId: string | null,
  input: IncidentInput,
  now = new Date(),
): Promise<IncidentDto> {
  assertCan(ctx, "incident:write");
  return db.transaction((tx) => insertIncident(tx, ctx, pilotId, input, now));
}

/** The same through the API: a retry with the same Idempotency-Key returns the first incident. */
export async function createIncidentIdempotent(
  ctx: MemberContext,
  pilotId: string,
  input: IncidentInput,
  key: string,
  body: unknown,
) {
  assertCan(ctx, "incident:write");
  return db.transaction(async (tx) => {
    await getPilot(ctx, pilotId, tx);
    return runIdempotent(tx, ctx.orgId, `incidents:${pilotId}`, key, body, async () => ({
      status: 201,
      body: await insertIncident(tx, ctx, pilotId, input, new Date()),
    }));
  });
}

/**
 * Changes an incident (contributors and above); fields left out keep their value. Refuses a
 * stale version. Linking an assumption marks it broken.
 */
export async function updateIncident(
  ctx: MemberContext,
  id: string,
  patch: Partial<IncidentInput> & { version: number },
  now = new Date(),
): Promise<IncidentDto> {
  assertCan(ctx, "incident:write");
  return db.transaction(async (tx) => {
    const before = await getIncident(ctx, id, tx);
    const { version, ...changes } = patch;
    const merged = { ...before, ...changes };
    assertTimeline(merged, now);
    if (changes.assumptionId && changes.assumptionId !== before.assumptionId) {
      await breakAssumption(tx, ctx, before.pilotId, changes.assumptionId, merged.title);
    }
    const stage =
      before.pilotId && changes.startedAt
        ? await stageAt(tx, before.pilotId, changes.startedAt)
        : before.stage;
    const [row] = await tx
      .update(incidents)
      .set({ ...changes, stage, version: sql`${incidents.version} + 1` })
      .where(
        and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id), eq(incidents.version, version)),
      )
      .returning({ id: incidents.id });
    if (!row) {
      const current = await getIncident(ctx, id, tx);
      throw new AppError(
        "conflict",
        "Someone else changed this incident since you opened it. Look at their change, then try again.",
        undefined,
        { current: { version: current.version, resolvedAt: current.resolvedAt } },
      );
    }
    const after = await getIncident(ctx, id, tx);
    const action =
      !before.resolvedAt && after.resolvedAt
        ? "incident.resolved"
        : before.resolvedAt && !after.resolvedAt
          ? "incident.reopened"
          : "incident.updated";
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action,
      entityType: "incident",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Resolves an open incident at `at` (now by default). */
export async function resolveIncident(
  ctx: MemberContext,
  id: string,
  input: { version: number; at?: Date },
): Promise<IncidentDto> {
  const current = await getIncident(ctx, id);
  if (current.resolvedAt) throw conflict("This incident is already resolved.");
  return updateIncident(ctx, id, { resolvedAt: input.at ?? new Date(), version: input.version });
}

/** Reopens a resolved incident (its resolution time is cleared). */
export async function reopenIncident(
  ctx: MemberContext,
  id: string,
  input: { version: number },
): Promise<IncidentDto> {
  const current = await getIncident(ctx, id);
  if (!current.resolvedAt) throw conflict("This incident is already open.");
  return updateIncident(ctx, id, { resolvedAt: null, version: input.version });
}
