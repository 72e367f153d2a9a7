import {
  and,
  desc,
  eq,
  gte,
  ilike,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  incidents,
  pilotAssumptions,
  pilots,
  pilotTransitions,
  useCases,
  users,
} from "@/db/schema";
import {
  type DetectionSource,
  type IncidentAction,
  type IncidentCategory,
  type Outcome,
  type Severity,
  TIMELINE_FIELDS,
  validateIncidentTimeline,
} from "@/lib/domain/incidents";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { Stage } from "@/lib/domain/stages";
import { AppError, assertId, conflict, isUuid, notFound } from "@/lib/errors";
import { writeAudit } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";
import { runIdempotent } from "./idempotency";
import { getPilot } from "./pilots";

export type IncidentInput = {
  title: string;
  description: string;
  severity: Severity;
  category: IncidentCategory;
  detectionSource: DetectionSource;
  outcome: Outcome;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  costEstimate: number | null;
  assumptionId: string | null;
  actions: IncidentAction[];
};

export type IncidentSummaryDto = {
  id: string;
  pilotId: string | null;
  pilotName: string | null;
  title: string;
  severity: Severity;
  category: IncidentCategory;
  outcome: Outcome;
  detectionSource: DetectionSource;
  stage: Stage | null;
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  costEstimate: number | null;
  actions: IncidentAction[];
};

export type IncidentDto = IncidentSummaryDto & {
  description: string;
  assumptionId: string | null;
  assumptionText: string | null;
  externalId: string | null;
  createdByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

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
  assumptionId: incidents.assumptionId,
  assumptionText: pilotAssumptions.text,
  externalId: incidents.externalId,
  createdByName: users.name,
  version: incidents.version,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
};

export type IncidentFilters = {
  pilotId?: string;
  severity?: Severity;
  category?: IncidentCategory;
  outcome?: Outcome;
  status?: "open" | "resolved";
  /** Started on or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
  q?: string;
};

/** The WHERE clause of every incident list, count, export and metric (organisation first). */
export function incidentWhere(orgId: string, f: IncidentFilters): SQL | undefined {
  const q = f.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(incidents.orgId, orgId),
    f.pilotId ? eq(incidents.pilotId, f.pilotId) : undefined,
    f.severity ? eq(incidents.severity, f.severity) : undefined,
    f.category ? eq(incidents.category, f.category) : undefined,
    f.outcome ? eq(incidents.outcome, f.outcome) : undefined,
    f.status === "open" ? isNull(incidents.resolvedAt) : undefined,
    f.status === "resolved" ? isNotNull(incidents.resolvedAt) : undefined,
    f.from ? gte(incidents.startedAt, f.from) : undefined,
    f.to ? lt(incidents.startedAt, f.to) : undefined,
    pattern
      ? or(ilike(incidents.title, pattern), ilike(incidents.description, pattern))
      : undefined,
  );
}

const cursorAt = sql<string>`to_char(${incidents.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

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
  const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
  const cursor = decodeCursor(page.cursor, (id) => (isUuid(id) ? id : null));
  const where = incidentWhere(ctx.orgId, filters);
  const [rows, totals] = await Promise.all([
    db
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
      .limit(limit + 1),
    page.withTotal === false
      ? Promise.resolve(null)
      : db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(where),
  ]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ cursorAt: _c, ...i }) => i),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursorAt, last.id) : null,
    total: totals?.[0]?.n ?? null,
  };
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
  return row;
}

/** The stage a pilot was in at a moment, read from its timeline. */
async function stageAt(tx: Executor, pilotId: string, at: Date): Promise<Stage | null> {
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

function assertTimeline(input: Pick<IncidentInput, (typeof TIMELINE_FIELDS)[number]>, now: Date) {
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
  const [a] = await tx
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
  if (!a) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      assumptionId: ["Choose an assumption of this incident's pilot."],
    });
  }
  if (a.status === "broken") return;
  const evidence = `Broken by the incident “${incidentTitle}”.`;
  await tx
    .update(pilotAssumptions)
    .set({
      status: "broken",
      evidence,
      updatedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      version: sql`${pilotAssumptions.version} + 1`,
    })
    .where(eq(pilotAssumptions.id, a.id));
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action: "assumption.updated",
    entityType: "pilot",
    entityId: pilotId,
    before: { assumptionId: a.id, status: a.status, evidence: a.evidence },
    after: { assumptionId: a.id, status: "broken", evidence },
  });
}

const snapshot = (i: Partial<IncidentDto> & Partial<IncidentInput>) => ({
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

async function insertIncident(
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

export type WebhookIncident = {
  externalId: string;
  title: string;
  description?: string;
  severity: Severity;
  pilotId?: string | null;
  startedAt: Date;
  detectedAt?: Date | null;
  acknowledgedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
};

/**
 * Maps a pager-style event onto an incident, deduplicated by its external id: the first event
 * creates the incident, later ones update its severity and times.
 */
export async function ingestWebhookIncident(
  ctx: MemberContext,
  event: WebhookIncident,
): Promise<{ incident: IncidentDto; created: boolean }> {
  assertCan(ctx, "incident:write");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.externalId, event.externalId)))
      .for("update");
    let id = existing?.id;
    if (!id) {
      // Two deliveries of the same new event: the second waits here, then finds the first's row.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`${ctx.orgId}:${event.externalId}`}))`,
      );
      const [raced] = await tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.externalId, event.externalId)));
      id = raced?.id;
    }
    if (!id) {
      const incident = await insertIncident(
        tx,
        ctx,
        event.pilotId ?? null,
        {
          title: event.title,
          description: event.description ?? "",
          severity: event.severity,
          category: "other",
          detectionSource: "automated_check",
          outcome: "contained",
          startedAt: event.startedAt,
          detectedAt: event.detectedAt ?? null,
          acknowledgedAt: event.acknowledgedAt ?? null,
          mitigatedAt: event.mitigatedAt ?? null,
          resolvedAt: event.resolvedAt ?? null,
          costEstimate: null,
          assumptionId: null,
          actions: [],
          externalId: event.externalId,
        },
        new Date(),
      );
      return { incident, created: true };
    }
    const before = await getIncident(ctx, id, tx);
    const next = {
      title: event.title,
      severity: event.severity,
      startedAt: event.startedAt,
      detectedAt: event.detectedAt ?? before.detectedAt,
      acknowledgedAt: event.acknowledgedAt ?? before.acknowledgedAt,
      mitigatedAt: event.mitigatedAt ?? before.mitigatedAt,
      resolvedAt: event.resolvedAt ?? before.resolvedAt,
    };
    assertTimeline(next, new Date());
    const stage = before.pilotId
      ? await stageAt(tx, before.pilotId, event.startedAt)
      : before.stage;
    // Pagers redeliver events: one that changes nothing must not bump the version (which would
    // turn someone's edit in progress into a conflict) or add an audit row.
    const sameTime = (a: Date | null, b: Date | null) =>
      (a?.getTime() ?? null) === (b?.getTime() ?? null);
    const unchanged =
      next.title === before.title &&
      next.severity === before.severity &&
      stage === before.stage &&
      TIMELINE_FIELDS.every((field) => sameTime(next[field], before[field]));
    if (unchanged) return { incident: before, created: false };
    await tx
      .update(incidents)
      .set({ ...next, stage, version: sql`${incidents.version} + 1` })
      .where(eq(incidents.id, id));
    const after = await getIncident(ctx, id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "incident.updated",
      entityType: "incident",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return { incident: after, created: false };
  });
}

/** A pilot's most recent incidents, open ones first, and how many it has in all. */
export async function listPilotIncidents(
  ctx: MemberContext,
  pilotId: string,
  limit = 10,
): Promise<{ items: IncidentSummaryDto[]; total: number; open: number }> {
  assertCan(ctx, "pilot:read");
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
