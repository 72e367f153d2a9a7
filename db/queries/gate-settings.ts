import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import { organisations } from "@/db/schema";
import type { GateCriterion, GatedStage } from "@/lib/domain/gates";
import { type GateSettings, gateSettingsSchema } from "@/lib/domain/gates/settings";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { AppError, conflict, fieldErrorsFrom, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { loadGateCriteria, loadOrgSettings } from "./internal/gate-snapshots";

/** The gate criteria in force per stage, and the settings version for a later save. */
export async function getGateSettings(ctx: MemberContext): Promise<{
  criteria: Record<GatedStage, GateCriterion[]>;
  tuned: GatedStage[];
  overridesNeedSecondApprover: boolean;
  version: number;
}> {
  assertCan(ctx, "pilot:read");
  const [org] = await db
    .select({
      settings: organisations.settings,
      overridesNeedSecondApprover: organisations.overridesNeedSecondApprover,
      version: organisations.version,
    })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  if (!org) throw notFound("The organisation");
  const stored = (org.settings?.gates ?? {}) as Record<string, unknown>;
  return {
    criteria: await loadGateCriteria(db, ctx.orgId),
    tuned: Object.keys(stored) as GatedStage[],
    overridesNeedSecondApprover: org.overridesNeedSecondApprover,
    version: org.version,
  };
}

/** The organisation's settings as a change to them starts (gates, portfolio), or "not found". */
export async function readSettings(tx: Executor, orgId: string) {
  const org = await loadOrgSettings(tx, orgId);
  if (!org) throw notFound("The organisation");
  return org;
}

/** Writes a change to the organisation's settings at `version`, or refuses a stale one (gates, portfolio). */
export async function updateSettings(
  tx: Executor,
  orgId: string,
  version: number,
  change: PgUpdateSetSource<typeof organisations>,
): Promise<void> {
  const [row] = await tx
    .update(organisations)
    .set({ ...change, version: sql`${organisations.version} + 1` })
    .where(and(eq(organisations.id, orgId), eq(organisations.version, version)))
    .returning({ id: organisations.id });
  if (!row) {
    throw conflict(
      "Someone else changed the organisation's settings since you opened them. Reload to see their change, then try again.",
    );
  }
}

/**
 * Replaces the organisation's gate criteria for the given stages (owners and admins); a stage
 * set to null goes back to the defaults. Refuses a stale settings version.
 */
export async function updateGateSettings(
  ctx: MemberContext,
  input: { gates: Partial<Record<GatedStage, GateCriterion[] | null>>; version: number },
): Promise<void> {
  assertCan(ctx, "gates:manage");
  await db.transaction(async (tx) => {
    const org = await readSettings(tx, ctx.orgId);
    const before = (org.settings?.gates ?? {}) as GateSettings;
    const next: Record<string, unknown> = { ...before };
    for (const [stage, criteria] of Object.entries(input.gates)) {
      if (criteria === null) delete next[stage];
      else if (criteria !== undefined) next[stage] = criteria;
    }
    const parsed = gateSettingsSchema.safeParse(next);
    if (!parsed.success) {
      throw new AppError(
        "invalid_input",
        "Some thresholds need your attention.",
        fieldErrorsFrom(parsed.error.issues),
      );
    }
    await updateSettings(tx, ctx.orgId, input.version, {
      settings: sql`jsonb_set(${organisations.settings}, '{gates}', ${JSON.stringify(parsed.data)}::jsonb)`,
    });
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "gates.updated",
      entityType: "organisation",
      entityId: ctx.orgId,
      before,
      after: parsed.data,
    });
  });
}

/**
 * Turns "overrides need a second approver" on or off (owners and admins). When on, an
 * override promotion waits as a request until another owner or admin approves it. Refuses a
 * stale settings version.
 */
export async function updateOverridePolicy(
  ctx: MemberContext,
  input: { overridesNeedSecondApprover: boolean; version: number },
): Promise<void> {
  assertCan(ctx, "gates:manage");
  await db.transaction(async (tx) => {
    const org = await readSettings(tx, ctx.orgId);
    await updateSettings(tx, ctx.orgId, input.version, {
      overridesNeedSecondApprover: input.overridesNeedSecondApprover,
    });
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "gates.override_policy_updated",
      entityType: "organisation",
      entityId: ctx.orgId,
      before: { overridesNeedSecondApprover: org.overridesNeedSecondApprover },
      after: { overridesNeedSecondApprover: input.overridesNeedSecondApprover },
    });
  });
}
