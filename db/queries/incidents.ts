import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { incidents, pilotAssumptions, pilots, useCases, users } from "@/db/schema";
import type { IncidentDto, IncidentSummaryDto } from "@/lib/domain/incidents";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { assertId, isUuid, notFound } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "./cursor";
import { countIncidentsFromRollups } from "./incident-rollups";
import { type IncidentFilters, incidentWhere } from "./internal/incidents";
import { cachedForOrg } from "./internal/org-cache";
import { getPilot } from "./pilots";

// Reads of the incident log: the filtered list by cursor, one incident, a pilot's latest.
// Writes are in incident-writes.ts, webhook ingestion in incident-webhooks.ts.

const summaryColumns = {
  id: incidents.id,
  pilotId: incidents.pilotId,
  pilotName: useCases.name,
  title: incidents.title,
  severity: incidents.severity,
  category: incidents.category,
  outcome: incidents.outcome,
  detectionSource: incidents.detectionSource,
  stage: incidents.stage,
  startedAt: incidents.startedAt,
  detectedAt: incidents.detectedAt,
  acknowledgedAt: incidents.acknowledgedAt,
  mitigatedAt: incidents.mitigatedAt,
  resolvedAt: incidents.resolvedAt,
  costEstimate: incidents.costEstimate,
  actions: incidents.actions,
};

const detailColumns = {
  ...summaryColumns,
  description: incidents.description,
  resolutionNote: incidents.resolutionNote,
  assumptionId: incidents.assumptionId,
  assumptionText: pilotAssumptions.text,
  externalId: incidents.externalId,
  createdByName: users.name,
  version: incidents.version,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
};

export type { IncidentFilters };

const cursorAt = sql<string>`to_char(${incidents.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The rows of one page (a keyset on started, id; newest first): the query itself, so that a
 * test can check its plan.
 */
export function incidentPageQuery(
  where: SQL | undefined,
  cursor: { at: string; id: string } | null,
  limit: number,
) {
  return db
    .select({ ...summaryColumns, cursorAt })
    .from(incidents)
    .leftJoin(pilots, eq(pilots.id, incidents.pilotId))
    .leftJoin(useCases, eq(useCases.id, pilots.useCaseId))
    .where(
      and(
        where,
        cursor
          ? sql`(${incidents.startedAt}, ${incidents.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(incidents.startedAt), desc(incidents.id))
    .limit(limit);
}

/**
 * One page of incidents, newest first, by keyset on (started, id) so that any page of 100,000
 * costs the same; `total` counts every match.
 */
export async function listIncidents(
  ctx: MemberContext,
  filters: IncidentFilters = {},
  page: { cursor?: string; limit?: number; withTotal?: boolean } = {},
): Promise<{ items: IncidentSummaryDto[]; nextCursor: string | null; total: number | null }> {
  assertCan(ctx, "incident:read");
  if (filters.pilotId) assertId(filters.pilotId, "The pilot");
  // The same for every reader: a listed page is read once per change to the organisation's
  // data. Exports (no total) page through everything once and are not kept.
  if (page.withTotal === false) return readIncidentPage(ctx, filters, page);
  return cachedForOrg(ctx, "incident-page", { filters, page }, () =>
    readIncidentPage(ctx, filters, page),
  );
}

async function readIncidentPage(
  ctx: MemberContext,
  filters: IncidentFilters,
  page: { cursor?: string; limit?: number; withTotal?: boolean },
): Promise<{ items: IncidentSummaryDto[]; nextCursor: string | null; total: number | null }> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
  const cursor = decodeCursor(page.cursor, (id) => (isUuid(id) ? id : null));
  const where = incidentWhere(ctx.orgId, filters);
  const [rows, totals] = await Promise.all([
    incidentPageQuery(where, cursor, limit + 1),
    page.withTotal === false ? Promise.resolve(null) : countIncidents(ctx.orgId, filters, where),
  ]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ cursorAt: _c, ...i }) => i),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
    total: totals,
  };
}

/** How many incidents match: from the daily rollups when they can tell, else counted. */
async function countIncidents(orgId: string, filters: IncidentFilters, where: SQL | undefined) {
  const fromRollups = await countIncidentsFromRollups(orgId, filters);
  if (fromRollups !== null) return fromRollups;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(where);
  return row?.n ?? 0;
}

/** The currency incident costs are in: the organisation's, carried by every incident DTO. */
export function incidentCurrency(ctx: MemberContext): string {
  return ctx.currency;
}

/** One incident of the caller's organisation. */
export async function getIncident(
  ctx: MemberContext,
  id: string,
  tx: Executor = db,
): Promise<IncidentDto> {
  assertCan(ctx, "incident:read");
  assertId(id, "The incident");
  const [row] = await tx
    .select(detailColumns)
    .from(incidents)
    .leftJoin(pilots, eq(pilots.id, incidents.pilotId))
    .leftJoin(useCases, eq(useCases.id, pilots.useCaseId))
    .leftJoin(pilotAssumptions, eq(pilotAssumptions.id, incidents.assumptionId))
    .leftJoin(users, eq(users.id, incidents.createdBy))
    .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id)));
  if (!row) throw notFound("The incident");
  return { ...row, currency: incidentCurrency(ctx) };
}

/** A pilot's most recent incidents, open ones first, and how many it has in all. */
export async function listPilotIncidents(
  ctx: MemberContext,
  pilotId: string,
  limit = 10,
): Promise<{ items: IncidentSummaryDto[]; total: number; open: number }> {
  assertCan(ctx, "pilot:read");
  // The same for every reader: read once per change to the organisation's data (a pilot
  // that is not found throws, and a failure is not kept).
  return cachedForOrg(ctx, "pilot-incidents", { pilotId, limit }, () =>
    readPilotIncidents(ctx, pilotId, limit),
  );
}

async function readPilotIncidents(
  ctx: MemberContext,
  pilotId: string,
  limit: number,
): Promise<{ items: IncidentSummaryDto[]; total: number; open: number }> {
  await getPilot(ctx, pilotId);
  const where = and(eq(incidents.orgId, ctx.orgId), eq(incidents.pilotId, pilotId));
  const [items, [counts]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(incidents)
      .leftJoin(pilots, eq(pilots.id, incidents.pilotId))
      .leftJoin(useCases, eq(useCases.id, pilots.useCaseId))
      .where(where)
      .orderBy(sql`${incidents.resolvedAt} is null desc`, desc(incidents.startedAt))
      .limit(limit),
    db
      .select({
        total: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${incidents.resolvedAt} is null)::int`,
      })
      .from(incidents)
      .where(where),
  ]);
  return { items, total: counts?.total ?? 0, open: counts?.open ?? 0 };
}

/** Assumptions of every pilot that is not retired, for linking incidents to what they broke. */
export async function listAssumptionOptions(
  ctx: MemberContext,
): Promise<{ pilotId: string; id: string; text: string }[]> {
  assertCan(ctx, "incident:read");
  return db
    .select({
      pilotId: pilotAssumptions.pilotId,
      id: pilotAssumptions.id,
      text: pilotAssumptions.text,
    })
    .from(pilotAssumptions)
    .innerJoin(pilots, eq(pilots.id, pilotAssumptions.pilotId))
    .where(and(eq(pilotAssumptions.orgId, ctx.orgId), sql`${pilots.status} <> 'retired'`))
    .orderBy(pilotAssumptions.createdAt, pilotAssumptions.id);
}
