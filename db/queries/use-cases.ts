import { and, asc, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, useCases, users } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { UseCaseStatus } from "@/lib/domain/use-cases";
import { AppError, assertId, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";

export type UseCaseInput = {
  name: string;
  description: string;
  ownerId: string | null;
  businessValue: number;
  annualValue: number | null;
  systems: string[];
  status: UseCaseStatus;
};

export type UseCaseDto = UseCaseInput & {
  id: string;
  ownerName: string | null;
  archivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: useCases.id,
  name: useCases.name,
  description: useCases.description,
  ownerId: useCases.ownerId,
  ownerName: users.name,
  businessValue: useCases.businessValue,
  annualValue: useCases.annualValue,
  systems: useCases.systems,
  status: useCases.status,
  archivedAt: useCases.archivedAt,
  version: useCases.version,
  createdAt: useCases.createdAt,
  updatedAt: useCases.updatedAt,
};

export type UseCaseFilters = {
  q?: string;
  status?: UseCaseStatus;
  ownerId?: string;
  archived?: boolean;
};

/** The condition that picks the organisation's use cases matching the list's filters. */
export function filterUseCases(ctx: MemberContext, filters: UseCaseFilters): SQL | undefined {
  const q = filters.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(useCases.orgId, ctx.orgId),
    filters.archived ? isNotNull(useCases.archivedAt) : isNull(useCases.archivedAt),
    filters.status ? eq(useCases.status, filters.status) : undefined,
    filters.ownerId ? eq(useCases.ownerId, filters.ownerId) : undefined,
    pattern
      ? or(
          ilike(useCases.name, pattern),
          ilike(useCases.description, pattern),
          sql`${useCases.systems}::text ilike ${pattern}`,
        )
      : undefined,
  );
}

/**
 * The use cases matching a list's filters, most recently changed first, without a limit (the
 * list and its CSV export). The caller checks the role.
 */
export function matchingUseCases(ctx: MemberContext, filters: UseCaseFilters) {
  return db
    .select(columns)
    .from(useCases)
    .leftJoin(users, eq(users.id, useCases.ownerId))
    .where(filterUseCases(ctx, filters))
    .orderBy(desc(useCases.updatedAt), asc(useCases.name))
    .$dynamic();
}

/** The organisation's use cases, most recently changed first, filtered in SQL. */
export async function listUseCases(
  ctx: MemberContext,
  filters: UseCaseFilters = {},
): Promise<UseCaseDto[]> {
  assertCan(ctx, "usecase:read");
  return matchingUseCases(ctx, filters).limit(500);
}

/** One use case of the caller's organisation. */
export async function getUseCase(
  ctx: MemberContext,
  id: string,
  tx: Executor = db,
): Promise<UseCaseDto> {
  assertCan(ctx, "usecase:read");
  assertId(id, "The use case");
  const [row] = await tx
    .select(columns)
    .from(useCases)
    .leftJoin(users, eq(users.id, useCases.ownerId))
    .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, id)));
  if (!row) throw notFound("The use case");
  return row;
}

async function assertOwnerIsMember(tx: Executor, ctx: MemberContext, ownerId: string | null) {
  if (!ownerId) return;
  const [row] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, ownerId)));
  if (!row) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      ownerId: ["Choose an owner who is a member of this organisation."],
    });
  }
}

const snapshot = (u: UseCaseInput & { archivedAt?: Date | null }) => ({
  name: u.name,
  description: u.description,
  ownerId: u.ownerId,
  businessValue: u.businessValue,
  annualValue: u.annualValue,
  systems: u.systems,
  status: u.status,
  archivedAt: u.archivedAt ?? null,
});

/** Creates a use case (contributors and above). */
export async function createUseCase(ctx: MemberContext, input: UseCaseInput): Promise<UseCaseDto> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    await assertOwnerIsMember(tx, ctx, input.ownerId);
    const [row] = await tx
      .insert(useCases)
      .values({ ...input, orgId: ctx.orgId })
      .returning({ id: useCases.id });
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "use_case.created",
      entityType: "use_case",
      entityId: row.id,
      after: snapshot(input),
    });
    return getUseCase(ctx, row.id, tx);
  });
}

/**
 * Edits a use case; fields left out keep their value. Refuses if someone else changed it
 * since `version` was read.
 */
export async function updateUseCase(
  ctx: MemberContext,
  id: string,
  input: Partial<UseCaseInput> & { version: number },
): Promise<UseCaseDto> {
  assertCan(ctx, "usecase:write");
  return db.transaction(async (tx) => {
    const before = await getUseCase(ctx, id, tx);
    const { version, ...changes } = input;
    if (changes.ownerId !== undefined) await assertOwnerIsMember(tx, ctx, changes.ownerId);
    const [row] = await tx
      .update(useCases)
      .set({ ...changes, version: sql`${useCases.version} + 1` })
      .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, id), eq(useCases.version, version)))
      .returning({ id: useCases.id });
    if (!row) {
      const current = await getUseCase(ctx, id, tx);
      throw new AppError(
        "conflict",
        "Someone else changed this use case since you opened it. Reload to see their change, then try again.",
        undefined,
        { current: { version: current.version, updatedAt: current.updatedAt.toISOString() } },
      );
    }
    const after = await getUseCase(ctx, id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "use_case.updated",
      entityType: "use_case",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Archives or restores a use case (leads and above); archived ones leave the main list. */
export async function setUseCaseArchived(
  ctx: MemberContext,
  id: string,
  archived: boolean,
): Promise<UseCaseDto> {
  assertCan(ctx, "usecase:archive");
  return db.transaction(async (tx) => {
    const before = await getUseCase(ctx, id, tx);
    await tx
      .update(useCases)
      .set({ archivedAt: archived ? sql`now()` : null, version: sql`${useCases.version} + 1` })
      .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, id)));
    const after = await getUseCase(ctx, id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: archived ? "use_case.archived" : "use_case.restored",
      entityType: "use_case",
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}
