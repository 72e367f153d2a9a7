import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { pilotSignoffs } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { AppError, assertId, conflict, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { evaluatePilotGate, type SignoffDto } from "./internal/gate-snapshots";
import { getPilot } from "./pilots";

export type { SignoffDto };

/**
 * Records the member's sign-off on one criterion of the gate out of the pilot's current
 * stage, with the role they hold now. Sign-offs lapse when the pilot changes stage.
 */
export async function signOffCriterion(
  ctx: MemberContext,
  id: string,
  input: { criterion: string; note?: string | null },
): Promise<SignoffDto[]> {
  assertCan(ctx, "pilot:signoff");
  if (ctx.actor.type !== "user") {
    throw new AppError("forbidden", "Sign-offs are made by people, not API tokens.");
  }
  const userId = ctx.actor.userId;
  return db.transaction(async (tx) => {
    const pilot = await getPilot(ctx, id, tx);
    if (pilot.status === "retired") throw conflict("A retired pilot has no gate to sign off.");
    const gate = await evaluatePilotGate(tx, ctx.orgId, pilot, new Date());
    const kinds = gate.evaluation?.criteria.map((c) => c.kind) ?? [];
    if (!kinds.includes(input.criterion as (typeof kinds)[number])) {
      throw new AppError("invalid_input", "Some fields need your attention.", {
        criterion: ["Choose a criterion of the gate out of the current stage."],
      });
    }
    if (gate.signoffs.some((s) => s.userId === userId && s.criterion === input.criterion)) {
      throw conflict("You have already signed off this criterion for the current stage.");
    }
    const note = input.note?.trim() || null;
    await tx.insert(pilotSignoffs).values({
      orgId: ctx.orgId,
      pilotId: id,
      stage: pilot.stage,
      criterion: input.criterion,
      userId,
      role: ctx.role,
      note,
    });
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "pilot.signed_off",
      entityType: "pilot",
      entityId: id,
      after: { stage: pilot.stage, criterion: input.criterion, role: ctx.role, note },
    });
    return (await evaluatePilotGate(tx, ctx.orgId, pilot, new Date())).signoffs;
  });
}

/** Withdraws the member's own sign-off (while the pilot is still in the stage it was for). */
export async function withdrawSignoff(
  ctx: MemberContext,
  id: string,
  signoffId: string,
): Promise<void> {
  assertCan(ctx, "pilot:signoff");
  assertId(signoffId, "The sign-off");
  if (ctx.actor.type !== "user") throw new AppError("forbidden", "Only people sign off.");
  const userId = ctx.actor.userId;
  await db.transaction(async (tx) => {
    await getPilot(ctx, id, tx);
    const [removed] = await tx
      .delete(pilotSignoffs)
      .where(
        and(
          eq(pilotSignoffs.orgId, ctx.orgId),
          eq(pilotSignoffs.pilotId, id),
          eq(pilotSignoffs.id, signoffId),
          eq(pilotSignoffs.userId, userId),
        ),
      )
      .returning({ criterion: pilotSignoffs.criterion, stage: pilotSignoffs.stage });
    if (!removed) throw notFound("Your sign-off");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "pilot.signoff_withdrawn",
      entityType: "pilot",
      entityId: id,
      before: removed,
    });
  });
}
