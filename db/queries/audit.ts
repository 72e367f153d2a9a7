import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { assessments, auditEvents, pilotAssumptions, pilots, useCases, users } from "@/db/schema";
import {
  type AuditEventForSentence,
  type AuditNames,
  auditReferences,
} from "@/lib/domain/audit-sentences";
import { type Actor, assertCan, type MemberContext } from "@/lib/domain/permissions";
import { decodeCursor, encodeCursor } from "./cursor";

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
  actorType: Actor["type"];
  actorUserId: string | null;
  actorTokenId: string | null;
  actorLabel: string;
  /** The email of the person who acted, or who created the token that did, when it was written. */
  actorEmail: string | null;
  /** Their display name then; names are not unique, so show the email beside it. */
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
      actorType: sql<
        Actor["type"]
      >`case when ${auditEvents.actorUserId} is not null then 'user' when ${auditEvents.actorTokenId} is not null then 'token' else 'system' end`,
      actorUserId: auditEvents.actorUserId,
      actorTokenId: auditEvents.actorTokenId,
      actorLabel: auditEvents.actorLabel,
      // Events written before the email was recorded fall back to the user as they are now.
      actorEmail: sql<string | null>`coalesce(${auditEvents.actorEmail}, ${users.email})`,
      actorName: sql<string | null>`coalesce(${auditEvents.actorName}, ${users.name})`,
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

/**
 * The names audit events refer to by id (use cases, pilots, assessments, people,
 * assumptions), read from the caller's organisation, so the log can be told in words.
 * Something deleted since keeps no name; the sentence then says "a use case".
 */
export async function loadAuditNames(
  ctx: MemberContext,
  events: readonly AuditEventForSentence[],
): Promise<AuditNames> {
  assertCan(ctx, "audit:read");
  const refs = auditReferences(events);
  const byId = (rows: { id: string; name: string | null }[]) =>
    Object.fromEntries(rows.filter((r) => r.name).map((r) => [r.id, r.name as string]));
  // Pilots and assessments go by the name of their use case.
  const namedByUseCase = async (table: typeof pilots | typeof assessments, ids: string[]) =>
    ids.length
      ? db
          .select({ id: table.id, name: useCases.name })
          .from(table)
          .innerJoin(useCases, eq(useCases.id, table.useCaseId))
          .where(and(eq(table.orgId, ctx.orgId), inArray(table.id, ids)))
      : [];
  const [cases, pilotRows, assessmentRows, people, assumptions] = await Promise.all([
    refs.useCaseIds.length
      ? db
          .select({ id: useCases.id, name: useCases.name })
          .from(useCases)
          .where(and(eq(useCases.orgId, ctx.orgId), inArray(useCases.id, refs.useCaseIds)))
      : [],
    namedByUseCase(pilots, refs.pilotIds),
    namedByUseCase(assessments, refs.assessmentIds),
    refs.userIds.length
      ? db
          .select({
            id: users.id,
            name: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})`,
          })
          .from(users)
          .where(inArray(users.id, refs.userIds))
      : [],
    refs.assumptionIds.length
      ? db
          .select({ id: pilotAssumptions.id, name: pilotAssumptions.text })
          .from(pilotAssumptions)
          .where(
            and(
              eq(pilotAssumptions.orgId, ctx.orgId),
              inArray(pilotAssumptions.id, refs.assumptionIds),
            ),
          )
      : [],
  ]);
  return {
    useCases: byId(cases),
    pilots: byId(pilotRows),
    assessments: byId(assessmentRows),
    people: byId(people),
    assumptions: byId(assumptions),
  };
}
