import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { inventoryActions, useCases } from "@/db/schema";
import type { InventoryAction } from "@/lib/domain/actions";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { AppError, assertId, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";

export type InventoryActionInput = Omit<InventoryAction, "id">;

/** An inventory action with the version an edit or removal must send back. */
export type InventoryActionDto = InventoryAction & { version: number };

const columns = {
  id: inventoryActions.id,
  name: inventoryActions.name,
  system: inventoryActions.system,
  access: inventoryActions.access,
  reversibility: inventoryActions.reversibility,
  blastRadius: inventoryActions.blastRadius,
  frequency: inventoryActions.frequency,
  version: inventoryActions.version,
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
): Promise<InventoryActionDto[]> {
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
): Promise<InventoryActionDto> {
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

/** An action of the caller's organisation, where `more` holds. */
function actionWhere(ctx: MemberContext, actionId: string, ...more: SQL[]) {
  return and(eq(inventoryActions.orgId, ctx.orgId), eq(inventoryActions.id, actionId), ...more);
}

/** An action as the client last read it: a stale version matches nothing. */
const atVersion = (ctx: MemberContext, actionId: string, version: number) =>
  actionWhere(ctx, actionId, eq(inventoryActions.version, version));

/** Audits a change to an existing action, with its state before (and after). */
function auditChange(
  tx: Executor,
  ctx: MemberContext,
  action: "inventory_action.updated" | "inventory_action.removed",
  useCaseId: string,
  before: InventoryActionDto,
  after?: InventoryActionDto,
) {
  return writeAudit(tx, ctx.orgId, ctx.actor, {
    action,
    entityType: "inventory_action",
    entityId: before.id,
    before: auditSnapshot(before, useCaseId),
    after: after && auditSnapshot(after, useCaseId),
  });
}

/** One action of one use case; an action of another use case is not found. */
async function loadAction(tx: Executor, ctx: MemberContext, useCaseId: string, actionId: string) {
  assertId(useCaseId, "The use case");
  assertId(actionId, "The action");
  const [row] = await tx
    .select(columns)
    .from(inventoryActions)
    .where(actionWhere(ctx, actionId, eq(inventoryActions.useCaseId, useCaseId)));
  if (!row) throw notFound("The action");
  return row;
}

function staleAction(current: InventoryActionDto, doing: string): AppError {
  return new AppError(
    "conflict",
    `Someone else changed “${current.name}” since you read it (it is now at version ${current.version}), so it was not ${doing}. Reload it, then try again.`,
    undefined,
    { current },
  );
}

const auditSnapshot = ({ version: _v, ...action }: InventoryActionDto, useCaseId: string) => ({
  useCaseId,
  ...action,
});

/**
 * Changes an action's description or ratings; fields left out keep their value. Refuses a
 * stale version, answering with the action as it is now.
 */
export async function updateInventoryAction(
  ctx: MemberContext,
  useCaseId: string,
  actionId: string,
  patch: Partial<InventoryActionInput> & { version: number },
): Promise<InventoryActionDto> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    const before = await loadAction(tx, ctx, useCaseId, actionId);
    const { version, ...changes } = patch;
    const [row] = await tx
      .update(inventoryActions)
      .set({ ...changes, version: sql`${inventoryActions.version} + 1` })
      .where(atVersion(ctx, actionId, version))
      .returning(columns);
    if (!row) throw staleAction(await loadAction(tx, ctx, useCaseId, actionId), "changed");
    await auditChange(tx, ctx, "inventory_action.updated", useCaseId, before, row);
    return row;
  });
}

/**
 * Removes an action from the inventory if nobody changed it since `version`; returns it so
 * the caller can offer to put it back. Submitted assessments keep their own snapshot.
 */
export async function removeInventoryAction(
  ctx: MemberContext,
  useCaseId: string,
  actionId: string,
  version: number,
): Promise<InventoryActionDto & { useCaseId: string }> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    const before = await loadAction(tx, ctx, useCaseId, actionId);
    const [row] = await tx
      .delete(inventoryActions)
      .where(atVersion(ctx, actionId, version))
      .returning({ id: inventoryActions.id });
    if (!row) throw staleAction(await loadAction(tx, ctx, useCaseId, actionId), "removed");
    await auditChange(tx, ctx, "inventory_action.removed", useCaseId, before);
    return { ...before, useCaseId };
  });
}
