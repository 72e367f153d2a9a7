import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { pilotAssumptions, users } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { AssumptionStatus } from "@/lib/domain/pilots";
import { AppError, assertId, conflict, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { getPilot } from "./pilots";

export type PilotAssumptionDto = {
  id: string;
  questionId: string | null;
  dimensionId: string | null;
  text: string;
  status: AssumptionStatus;
  evidence: string | null;
  updatedByName: string | null;
  version: number;
  updatedAt: Date;
};

const columns = {
  id: pilotAssumptions.id,
  questionId: pilotAssumptions.questionId,
  dimensionId: pilotAssumptions.dimensionId,
  text: pilotAssumptions.text,
  status: pilotAssumptions.status,
  evidence: pilotAssumptions.evidence,
  updatedByName: users.name,
  version: pilotAssumptions.version,
  updatedAt: pilotAssumptions.updatedAt,
};

/** A pilot's assumptions register: broken first, then open, then the settled ones. */
export async function listPilotAssumptions(
  ctx: MemberContext,
  pilotId: string,
): Promise<PilotAssumptionDto[]> {
  await getPilot(ctx, pilotId);
  return db
    .select(columns)
    .from(pilotAssumptions)
    .leftJoin(users, eq(users.id, pilotAssumptions.updatedBy))
    .where(and(eq(pilotAssumptions.orgId, ctx.orgId), eq(pilotAssumptions.pilotId, pilotId)))
    .orderBy(
      sql`case ${pilotAssumptions.status} when 'broken' then 0 when 'open' then 1 else 2 end`,
      asc(pilotAssumptions.createdAt),
      asc(pilotAssumptions.id),
    );
}

async function getAssumption(ctx: MemberContext, pilotId: string, id: string, tx = db) {
  assertId(id, "The assumption");
  const [row] = await tx
    .select(columns)
    .from(pilotAssumptions)
    .leftJoin(users, eq(users.id, pilotAssumptions.updatedBy))
    .where(
      and(
        eq(pilotAssumptions.orgId, ctx.orgId),
        eq(pilotAssumptions.pilotId, pilotId),
        eq(pilotAssumptions.id, id),
      ),
    );
  if (!row) throw notFound("The assumption");
  return row;
}

/**
 * Sets an assumption's status and evidence (contributors and above); refuses a stale version.
 * Marking one verified, accepted or broken needs evidence: what was seen, or who decided.
 */
export async function updatePilotAssumption(
  ctx: MemberContext,
  pilotId: string,
  id: string,
  input: { status: AssumptionStatus; evidence?: string | null; version: number },
): Promise<PilotAssumptionDto> {
  assertCan(ctx, "pilot:assumptions");
  const evidence = input.evidence?.trim() || null;
  if (input.status !== "open" && !evidence) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      evidence: ["Say what shows this (a note or a link): it is the evidence others will rely on."],
    });
  }
  return db.transaction(async (tx) => {
    await getPilot(ctx, pilotId, tx);
    const before = await getAssumption(ctx, pilotId, id, tx);
    const [row] = await tx
      .update(pilotAssumptions)
      .set({
        status: input.status,
        evidence,
        updatedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        version: sql`${pilotAssumptions.version} + 1`,
      })
      .where(
        and(
          eq(pilotAssumptions.orgId, ctx.orgId),
          eq(pilotAssumptions.id, id),
          eq(pilotAssumptions.version, input.version),
        ),
      )
      .returning({ id: pilotAssumptions.id });
    if (!row) {
      throw conflict(
        "Someone else changed this assumption since you opened it. Look at their change, then try again.",
      );
    }
    const after = await getAssumption(ctx, pilotId, id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "assumption.updated",
      entityType: "pilot",
      entityId: pilotId,
      before: { assumptionId: id, status: before.status, evidence: before.evidence },
      after: { assumptionId: id, status: after.status, evidence: after.evidence },
    });
    return after;
  });
}

/** Adds an assumption the pilot uncovered that the assessment did not. */
export async function addPilotAssumption(
  ctx: MemberContext,
  pilotId: string,
  input: { text: string },
): Promise<PilotAssumptionDto> {
  assertCan(ctx, "pilot:assumptions");
  return db.transaction(async (tx) => {
    const pilot = await getPilot(ctx, pilotId, tx);
    if (pilot.status === "retired") throw conflict("A retired pilot's register is closed.");
    const [row] = await tx
      .insert(pilotAssumptions)
      .values({
        orgId: ctx.orgId,
        pilotId,
        text: input.text.trim(),
        updatedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning({ id: pilotAssumptions.id });
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "assumption.added",
      entityType: "pilot",
      entityId: pilotId,
      after: { assumptionId: row.id, text: input.text.trim() },
    });
    return getAssumption(ctx, pilotId, row.id, tx);
  });
}
