import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { inventoryActions, useCases } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/auth/permissions";
import type { InventoryAction } from "@/lib/domain/actions";
import { assertId, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";

export type InventoryActionInput = Omit<InventoryAction, "id">;

const columns = {
  id: inventoryActions.id,
  name: inventoryActions.name,
  system: inventoryActions.system,
  access: inventoryActions.access,
  reversibility: inventoryActions.reversibility,
  blastRadius: inventoryActions.blastRadius,
  frequency: inventoryActions.frequency,
};

async function assertUseCase(tx: Executor, ctx: MemberContext, useCaseId: string) {
  assertId(useCaseId, "The use case");
  const [row] = await tx
    .select({ id: useCases.id })
    .from(useCases)
    .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, useCaseId)));
  if (!row) throw notFound("The use case");
}

/** The actions the AI would take in a use case, in the order they were added. */
export async function listInventory(
  ctx: MemberContext,
  useCaseId: string,
  tx: Executor = db,
): Promise<InventoryAction[]> {
  assertCan(ctx, "usecase:read");
  await assertUseCase(tx, ctx, useCaseId);
  return tx
    .select(columns)
    .from(inventoryActions)
    .where(and(eq(inventoryActions.orgId, ctx.orgId), eq(inventoryActions.useCaseId, useCaseId)))
    .orderBy(asc(inventoryActions.createdAt), asc(inventoryActions.id));
}

/** Adds an action to a use case's inventory. */
export async function addInventoryAction(
  ctx: MemberContext,
  useCaseId: string,
  input: InventoryActionInput,
): Promise<InventoryAction> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    await assertUseCase(tx, ctx, useCaseId);
    const [row] = await tx
      .insert(inventoryActions)
      .values({ ...input, orgId: ctx.orgId, useCaseId })
      .returning(columns);
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "inventory_action.added",
      entityType: "inventory_action",
      entityId: row.id,
      after: { useCaseId, ...input },
    });
    return row;
  });
}

async function loadAction(tx: Executor, ctx: MemberContext, actionId: string) {
  assertId(actionId, "The action");
  const [row] = await tx
    .select({ ...columns, useCaseId: inventoryActions.useCaseId })
    .from(inventoryActions)
    .where(and(eq(inventoryActions.orgId, ctx.orgId), eq(inventoryActions.id, actionId)));
  if (!row) throw notFound("The action");
  return row;
}

/** Changes an action's description or ratings. */
export async function updateInventoryAction(
  ctx: MemberContext,
  actionId: string,
  input: InventoryActionInput,
): Promise<InventoryAction> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    const before = await loadAction(tx, ctx, actionId);
    const [row] = await tx
      .update(inventoryActions)
      .set(input)
      .where(and(eq(inventoryActions.orgId, ctx.orgId), eq(inventoryActions.id, actionId)))
      .returning(columns);
    if (!row) throw notFound("The action");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "inventory_action.updated",
      entityType: "inventory_action",
      entityId: actionId,
      before,
      after: { useCaseId: before.useCaseId, ...row },
    });
    return row;
  });
}

/** Removes an action from the inventory; returns it so the caller can offer to put it back. */
export async function removeInventoryAction(
  ctx: MemberContext,
  actionId: string,
): Promise<InventoryAction & { useCaseId: string }> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    const before = await loadAction(tx, ctx, actionId);
    await tx
      .delete(inventoryActions)
      .where(and(eq(inventoryActions.orgId, ctx.orgId), eq(inventoryActions.id, actionId)));
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "inventory_action.removed",
      entityType: "inventory_action",
      entityId: actionId,
      before,
    });
    return before;
  });
}
