import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { db } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { type Actor, assertCan, type MemberContext } from "@/lib/auth/permissions";
import { decodeCursor, encodeCursor } from "./cursor";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit event; call it inside the transaction of the change it records. */
export async function writeAudit(
  tx: Executor,
  orgId: string | null,
  actor: Actor,
  event: AuditInput,
): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId,
    actorUserId: actor.type === "user" ? actor.userId : null,
    actorTokenId: actor.type === "token" ? actor.tokenId : null,
    actorLabel: actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export type AuditFilters = {
  action?: string;
  entityType?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  /** Opaque cursor from the previous page. */
  cursor?: string;
  limit?: number;
};

export type AuditEventDto = {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  actorLabel: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

/** One page of the organisation's audit log, newest first (admins and owners only). */
export async function listAuditEvents(
  ctx: MemberContext,
  filters: AuditFilters = {},
): Promise<{ events: AuditEventDto[]; nextCursor: string | null }> {
  assertCan(ctx, "audit:read");
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 200);
  const cursor = decodeCursor(filters.cursor, (id) => (/^\d{1,15}$/.test(id) ? Number(id) : null));
  const where = and(
    eq(auditEvents.orgId, ctx.orgId),
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.entityType ? eq(auditEvents.entityType, filters.entityType) : undefined,
    filters.actorUserId ? eq(auditEvents.actorUserId, filters.actorUserId) : undefined,
    filters.from ? gte(auditEvents.createdAt, filters.from) : undefined,
    filters.to ? lte(auditEvents.createdAt, filters.to) : undefined,
    cursor
      ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursor.at}::timestamptz, ${cursor.id})`
      : undefined,
  );
  const rows = await db
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      actorLabel: auditEvents.actorLabel,
      actorName: users.name,
      before: auditEvents.before,
      after: auditEvents.after,
      createdAt: auditEvents.createdAt,
      cursorAt: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(where)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(({ cursorAt: _c, ...event }) => event),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
  };
}

/** The distinct actions and entity types in the organisation's log, for filter menus. */
export async function listAuditFacets(
  ctx: MemberContext,
): Promise<{ actions: string[]; entityTypes: string[] }> {
  assertCan(ctx, "audit:read");
  const rows = await db
    .selectDistinct({ action: auditEvents.action, entityType: auditEvents.entityType })
    .from(auditEvents)
    .where(eq(auditEvents.orgId, ctx.orgId))
    .orderBy(sql`1`, sql`2`);
  return {
    actions: [...new Set(rows.map((r) => r.action))],
    entityTypes: [...new Set(rows.map((r) => r.entityType))].sort(),
  };
}
