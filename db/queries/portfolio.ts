import { and, desc, eq, gte, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  assessments,
  gateOverrideRequests,
  incidents,
  organisations,
  pilotAssumptions,
  pilots,
  pilotTransitions,
  runMetrics,
  useCases,
  users,
} from "@/db/schema";
import { type CriterionResult, evaluateGate } from "@/lib/domain/gates";
import { assertCan, can, type MemberContext } from "@/lib/domain/permissions";
import {
  type AcrossPortfolio,
  type AttentionItem,
  type AttentionPilot,
  effectivePortfolioSettings,
  type FunnelStage,
  missingSignoffRoles,
  NOT_STARTED,
  needsAttention,
  type OutcomePoint,
  type PortfolioFilters,
  type PortfolioOutcomes,
  type PortfolioSettings,
  type PortfolioTotals,
  periodStartFor,
  portfolioSettingsSchema,
  type ReadinessPoint,
  type RecurringFinding,
  trendUnitFor,
} from "@/lib/domain/portfolio";
import { BANDS, type Band } from "@/lib/domain/scoring/bands";
import { STAGES, type Stage } from "@/lib/domain/stages";
import { AppError, fieldErrorsFrom, notFound } from "@/lib/errors";
import { periodRange } from "@/lib/periods";
import { latestAssessments } from "./assessments";
import { readSettings, updateSettings } from "./gate-settings";
import { getIncidentMetrics } from "./incident-metrics";
import { writeAudit } from "./internal/audit";
import { loadGateCriteria, loadGateSnapshots } from "./internal/gate-snapshots";
import { type IncidentFilters, incidentWhere } from "./internal/incidents";
import { cachedForOrg } from "./internal/org-cache";
import { ofPilots } from "./internal/scope";
import { runMetricTrend } from "./run-metrics";

/** The organisation's portfolio settings in force, and the settings version for a later save. */
export async function getPortfolioSettings(
  ctx: MemberContext,
): Promise<PortfolioSettings & { version: number }> {
  assertCan(ctx, "org:read");
  const [org] = await db
    .select({ settings: organisations.settings, version: organisations.version })
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  if (!org) throw notFound("The organisation");
  return { ...effectivePortfolioSettings(org.settings?.portfolio), version: org.version };
}

/**
 * Saves when a pilot counts as stalled and how often use cases are re-assessed (owners and
 * admins), in the organisation's settings JSON. Refuses a stale settings version.
 */
export async function updatePortfolioSettings(
  ctx: MemberContext,
  input: PortfolioSettings & { version: number },
): Promise<void> {
  assertCan(ctx, "org:update");
  const { version, ...values } = input;
  const parsed = portfolioSettingsSchema.safeParse(values);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      "Some fields need your attention.",
      fieldErrorsFrom(parsed.error.issues),
    );
  }
  await db.transaction(async (tx) => {
    const org = await readSettings(tx, ctx.orgId);
    await updateSettings(tx, ctx.orgId, version, {
      settings: sql`jsonb_set(${organisations.settings}, '{portfolio}', ${JSON.stringify(parsed.data)}::jsonb)`,
    });
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "portfolio.settings_updated",
      entityType: "organisation",
      entityId: ctx.orgId,
      before: effectivePortfolioSettings(org.settings?.portfolio),
      after: parsed.data,
    });
  });
}

/** Everything the dashboard and the portfolio report show, for one set of filters. */
export type PortfolioDto = {
  settings: PortfolioSettings;
  totals: PortfolioTotals;
  points: ReadinessPoint[];
  funnel: FunnelStage[];
  attention: AttentionItem[];
  outcomes: PortfolioOutcomes;
  across: AcrossPortfolio;
};

const asBand = (v: string | null): Band | null => BANDS.find((b) => b === v) ?? null;
const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** Rows of a raw query, whichever driver ran it (postgres-js gives an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Open sev1 and sev2 incidents, narrowed as the incident list would narrow them. */
function openSevereIncidents(orgId: string, filters: IncidentFilters, ...more: SQL[]) {
  return and(
    incidentWhere(orgId, { ...filters, status: "open" }),
    inArray(incidents.severity, ["sev1", "sev2"]),
    ...more,
  );
}

/** Use cases in view: not archived, of the owner asked for, with a live pilot in the stage asked for. */
function inViewCases(ctx: MemberContext, filters: PortfolioFilters): SQL | undefined {
  return and(
    eq(useCases.orgId, ctx.orgId),
    isNull(useCases.archivedAt),
    filters.owner ? eq(useCases.ownerId, filters.owner) : undefined,
    filters.stage === NOT_STARTED
      ? isNull(pilots.id)
      : filters.stage
        ? eq(pilots.stage, filters.stage)
        : undefined,
  );
}

/** Live pilots in view: of the owner asked for, in the stage asked for. */
function pilotWhere(ctx: MemberContext, filters: PortfolioFilters): SQL | undefined {
  return and(
    eq(pilots.orgId, ctx.orgId),
    ne(pilots.status, "retired"),
    filters.owner ? eq(pilots.ownerId, filters.owner) : undefined,
    filters.stage && filters.stage !== NOT_STARTED ? eq(pilots.stage, filters.stage) : undefined,
  );
}

const livePilotJoin = and(eq(pilots.useCaseId, useCases.id), ne(pilots.status, "retired"));

async function readinessPoints(ctx: MemberContext, filters: PortfolioFilters) {
  const latest = latestAssessments(ctx.orgId);
  const rows = await db
    .select({
      useCaseId: useCases.id,
      name: useCases.name,
      businessValue: useCases.businessValue,
      annualValue: useCases.annualValue,
      pilotId: pilots.id,
      stage: pilots.stage,
      assessmentId: latest.id,
      overall: latest.overall,
      band: latest.band,
      confidence: latest.confidence,
      submittedAt: latest.submittedAt,
    })
    .from(useCases)
    .leftJoin(pilots, livePilotJoin)
    .leftJoin(latest, eq(latest.useCaseId, useCases.id))
    .where(inViewCases(ctx, filters))
    .orderBy(useCases.name)
    .limit(1000);
  return rows.map((r) => ({
    point: {
      useCaseId: r.useCaseId,
      name: r.name,
      businessValue: r.businessValue,
      annualValue: r.annualValue === null ? null : Number(r.annualValue),
      stage: r.stage ?? NOT_STARTED,
      pilotId: r.pilotId,
      assessment:
        r.assessmentId && r.overall !== null
          ? { id: r.assessmentId, score: r.overall, band: asBand(r.band), confidence: r.confidence }
          : null,
    } satisfies ReadinessPoint,
    assessedAt: r.submittedAt,
  }));
}

async function totals(ctx: MemberContext, filters: PortfolioFilters): Promise<PortfolioTotals> {
  const latest = latestAssessments(ctx.orgId);
  const [[row], [severe]] = await Promise.all([
    db
      .select({
        useCases: sql<number>`count(*)::int`,
        assessed: sql<number>`count(${latest.id})::int`,
        livePilots: sql<number>`count(${pilots.id})::int`,
        inProduction: sql<number>`count(*) filter (where ${pilots.stage} = 'production')::int`,
        annualValue: sql<string>`coalesce(sum(${useCases.annualValue}), 0)::text`,
        valueInPilots: sql<string>`coalesce(sum(${useCases.annualValue}) filter (where ${pilots.id} is not null), 0)::text`,
      })
      .from(useCases)
      .leftJoin(pilots, livePilotJoin)
      .leftJoin(latest, eq(latest.useCaseId, useCases.id))
      .where(inViewCases(ctx, filters)),
    filters.stage === NOT_STARTED
      ? [{ n: 0 }]
      : db
          .select({ n: sql<number>`count(*)::int` })
          .from(incidents)
          .where(
            openSevereIncidents(ctx.orgId, { ownerId: filters.owner, pilotStage: filters.stage }),
          ),
  ]);
  return {
    useCases: Number(row?.useCases ?? 0),
    assessed: Number(row?.assessed ?? 0),
    livePilots: Number(row?.livePilots ?? 0),
    inProduction: Number(row?.inProduction ?? 0),
    annualValue: Number(row?.annualValue ?? 0),
    valueInPilots: Number(row?.valueInPilots ?? 0),
    openSevere: Number(severe?.n ?? 0),
  };
}

async function funnel(
  ctx: MemberContext,
  filters: PortfolioFilters,
  from: Date | null,
  now: Date,
): Promise<FunnelStage[]> {
  if (filters.stage === NOT_STARTED) return [];
  const moved = sql<Stage>`case when ${pilotTransitions.kind} = 'promote' then ${pilotTransitions.toStage} else ${pilotTransitions.fromStage} end`;
  const [stages, moves] = await Promise.all([
    db
      .select({
        stage: pilots.stage,
        pilots: sql<number>`count(*)::int`,
        medianDays: sql<
          number | null
        >`percentile_cont(0.5) within group (order by date_part('epoch', ${at(now)} - ${pilots.stageEnteredAt}) / 86400.0::float8)`,
        value: sql<string>`coalesce(sum(${useCases.annualValue}), 0)::text`,
      })
      .from(pilots)
      .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
      .where(pilotWhere(ctx, filters))
      .groupBy(pilots.stage),
    db
      .select({ stage: moved, kind: pilotTransitions.kind, n: sql<number>`count(*)::int` })
      .from(pilotTransitions)
      .innerJoin(pilots, eq(pilots.id, pilotTransitions.pilotId))
      .where(
        and(
          eq(pilotTransitions.orgId, ctx.orgId),
          inArray(pilotTransitions.kind, ["promote", "rollback"]),
          from ? gte(pilotTransitions.createdAt, from) : undefined,
          filters.owner ? eq(pilots.ownerId, filters.owner) : undefined,
          filters.stage ? sql`${moved} = ${filters.stage}` : undefined,
        ),
      )
      .groupBy(moved, pilotTransitions.kind),
  ]);
  const shown = filters.stage ? [filters.stage] : STAGES;
  return shown.map((stage) => {
    const row = stages.find((r) => r.stage === stage);
    const count = (kind: string) =>
      Number(moves.find((m) => m.stage === stage && m.kind === kind)?.n ?? 0);
    return {
      stage,
      pilots: Number(row?.pilots ?? 0),
      medianDaysInStage:
        row?.medianDays === null || row?.medianDays === undefined ? null : Number(row.medianDays),
      valueAtStake: Number(row?.value ?? 0),
      promotions: count("promote"),
      rollbacks: count("rollback"),
    };
  });
}

/** What the "needs attention" list is made of, read for the whole organisation (any reader). */
async function loadAttentionInputs(ctx: MemberContext, filters: PortfolioFilters) {
  const list =
    filters.stage === NOT_STARTED
      ? []
      : await db
          .select({
            id: pilots.id,
            useCaseId: pilots.useCaseId,
            name: useCases.name,
            stage: pilots.stage,
            status: pilots.status,
            stageEnteredAt: pilots.stageEnteredAt,
            startDate: pilots.startDate,
            rollbackPlan: pilots.rollbackPlan,
          })
          .from(pilots)
          .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
          .where(pilotWhere(ctx, filters))
          .limit(1000);
  const ids = list.map((p) => p.id);
  const none = Promise.resolve([]);
  const [criteria, snapshots, requests, lastMetrics, entries, unattached] = await Promise.all([
    loadGateCriteria(db, ctx.orgId),
    loadGateSnapshots(db, ctx.orgId, list),
    ids.length
      ? db
          .selectDistinctOn([gateOverrideRequests.pilotId], {
            pilotId: gateOverrideRequests.pilotId,
            toStage: gateOverrideRequests.toStage,
            requestedBy: sql<string>`coalesce(${users.name}, ${gateOverrideRequests.requestedByLabel})`,
            at: gateOverrideRequests.createdAt,
          })
          .from(gateOverrideRequests)
          .leftJoin(users, eq(users.id, gateOverrideRequests.requestedBy))
          .where(
            ofPilots(
              gateOverrideRequests,
              ctx.orgId,
              ids,
              eq(gateOverrideRequests.status, "pending"),
            ),
          )
          .orderBy(gateOverrideRequests.pilotId, desc(gateOverrideRequests.createdAt))
      : none,
    ids.length
      ? db
          .selectDistinctOn([runMetrics.pilotId], {
            pilotId: runMetrics.pilotId,
            period: runMetrics.period,
            periodStart: runMetrics.periodStart,
          })
          .from(runMetrics)
          .where(ofPilots(runMetrics, ctx.orgId, ids))
          .orderBy(runMetrics.pilotId, desc(runMetrics.periodStart))
      : none,
    // The move that brought each pilot into its current stage: did it override the band?
    ids.length
      ? db
          .selectDistinctOn([pilotTransitions.pilotId], {
            pilotId: pilotTransitions.pilotId,
            kind: pilotTransitions.kind,
            reason: pilotTransitions.reason,
            overridden: pilotTransitions.overridden,
            by: sql<string>`coalesce(${users.name}, ${pilotTransitions.actorLabel})`,
            at: pilotTransitions.createdAt,
          })
          .from(pilotTransitions)
          .innerJoin(pilots, eq(pilots.id, pilotTransitions.pilotId))
          .leftJoin(users, eq(users.id, pilotTransitions.actorUserId))
          .where(
            ofPilots(
              pilotTransitions,
              ctx.orgId,
              ids,
              inArray(pilotTransitions.kind, ["start", "promote"]),
              eq(pilotTransitions.toStage, pilots.stage),
            ),
          )
          .orderBy(pilotTransitions.pilotId, desc(pilotTransitions.createdAt))
      : none,
    filters.owner || filters.stage
      ? Promise.resolve([])
      : db
          .select({ severity: incidents.severity, n: sql<number>`count(*)::int` })
          .from(incidents)
          .where(openSevereIncidents(ctx.orgId, {}, isNull(incidents.pilotId)))
          .groupBy(incidents.severity),
  ]);
  return { list, criteria, snapshots, requests, lastMetrics, entries, unattached };
}

type AttentionInputs = Awaited<ReturnType<typeof loadAttentionInputs>>;

/** The "needs attention" list for one reader: sign-offs waiting depend on who reads it. */
function attentionFor(
  ctx: MemberContext,
  inputs: AttentionInputs,
  settings: PortfolioSettings,
  useCasesInView: { id: string; name: string; assessedAt: Date | null }[],
  now: Date,
): AttentionItem[] {
  const { list, criteria, snapshots, requests, lastMetrics, entries, unattached } = inputs;
  const requestOf = new Map(requests.map((r) => [r.pilotId, r]));
  const metricsOf = new Map(lastMetrics.map((m) => [m.pilotId, m]));
  const entryOf = new Map(entries.map((e) => [e.pilotId, e]));
  const me = ctx.actor.type === "user" ? ctx.actor.userId : null;
  const pilotsIn: AttentionPilot[] = list.map((p) => {
    const snapshot = snapshots.get(p.id);
    if (!snapshot) throw new Error("missing gate snapshot");
    const stageCriteria = p.stage === "production" ? [] : criteria[p.stage];
    const failing: CriterionResult[] =
      p.stage === "production"
        ? []
        : evaluateGate(stageCriteria, snapshot, now).criteria.filter((c) => !c.pass);
    const signoffCriterion = stageCriteria.find((c) => c.kind === "required_signoffs");
    const entry = entryOf.get(p.id);
    const overrode =
      entry &&
      ((entry.overridden ?? []).some((c) => c.kind === "band_allows_stage") ||
        (entry.kind === "start" && entry.reason !== null));
    const request = requestOf.get(p.id);
    const last = metricsOf.get(p.id);
    return {
      id: p.id,
      name: p.name,
      stage: p.stage,
      status: p.status,
      stageEnteredAt: p.stageEnteredAt,
      startDate: p.startDate,
      band: snapshot.readinessBand,
      bandOverride: overrode && entry ? { by: entry.by, at: entry.at } : null,
      failing,
      pendingRequest: request
        ? { toStage: request.toStage, requestedBy: request.requestedBy, at: request.at }
        : null,
      openIncidents: { sev1: snapshot.openIncidents.sev1, sev2: snapshot.openIncidents.sev2 },
      brokenAssumptions: snapshot.assumptions.filter((a) => a.status === "broken").length,
      lastMetrics: last ? { period: last.period, periodStart: last.periodStart } : null,
      missingSignoffRoles:
        signoffCriterion && "roles" in signoffCriterion
          ? missingSignoffRoles(signoffCriterion.roles, snapshot.signoffs)
          : [],
      signedByMe: me !== null && snapshot.signoffRows.some((s) => s.userId === me),
    };
  });
  const severe = (s: string) => Number(unattached.find((r) => r.severity === s)?.n ?? 0);
  return needsAttention({
    pilots: pilotsIn,
    useCases: useCasesInView.flatMap((u) =>
      u.assessedAt ? [{ id: u.id, name: u.name, assessedAt: u.assessedAt }] : [],
    ),
    unattachedSevere: { sev1: severe("sev1"), sev2: severe("sev2") },
    settings,
    reader: { role: ctx.role, canSignOff: me !== null && can(ctx, "pilot:signoff") },
    now,
  });
}

const EMPTY_OUTCOMES = (unit: "week" | "month"): PortfolioOutcomes => ({
  unit,
  incidents: 0,
  actionsAttempted: 0,
  ratePer1000: null,
  totalCost: 0,
  caught: 0,
  impact: 0,
  series: [],
  trend: [],
});

async function outcomes(
  ctx: MemberContext,
  filters: PortfolioFilters,
  from: Date | null,
): Promise<PortfolioOutcomes> {
  const unit = trendUnitFor(filters.period);
  if (filters.stage === NOT_STARTED) return EMPTY_OUTCOMES(unit);
  const scope = {
    from: from ?? undefined,
    ownerId: filters.owner,
    pilotStage: filters.stage,
  };
  const [metrics, trend] = await Promise.all([
    getIncidentMetrics(ctx, scope, unit),
    runMetricTrend(ctx, { ...scope, fromStage: "supervised" }, unit),
  ]);
  const byPeriod = new Map(metrics.series.map((p) => [p.period, p]));
  const attempted = new Map(metrics.actionsByPeriod.map((p) => [p.period, p.attempted]));
  const periods = [...new Set([...byPeriod.keys(), ...attempted.keys()])].sort();
  const timeline = periods.length ? periodRange(periods[0]!, periods.at(-1)!, unit) : [];
  const series: OutcomePoint[] = timeline.map((period) => {
    const p = byPeriod.get(period);
    const actions = attempted.get(period) ?? 0;
    const count = p?.count ?? 0;
    return {
      period,
      incidents: count,
      actionsAttempted: actions,
      ratePer1000: actions > 0 ? (count / actions) * 1000 : null,
      cost: p?.totalCost ?? 0,
      byOutcome: p?.byOutcome ?? {
        prevented: 0,
        contained: 0,
        customer_impact: 0,
        financial_impact: 0,
      },
    };
  });
  const { summary } = metrics;
  return {
    unit,
    incidents: summary.count,
    actionsAttempted: summary.actionsAttempted,
    ratePer1000: summary.ratePer1000,
    totalCost: summary.totalCost,
    caught: summary.byOutcome.prevented + summary.byOutcome.contained,
    impact: summary.byOutcome.customer_impact + summary.byOutcome.financial_impact,
    series,
    trend,
  };
}

type FindingRow = { key: string; text: string; count: number; use_cases: unknown };

function findings(rows: FindingRow[]): RecurringFinding[] {
  return rows.map((r) => ({
    key: r.key,
    text: r.text,
    count: Number(r.count),
    useCases: (typeof r.use_cases === "string"
      ? JSON.parse(r.use_cases)
      : r.use_cases) as RecurringFinding["useCases"],
  }));
}

/** How many recurring blockers and assumptions the dashboard lists. */
const TOP = 5;

async function across(ctx: MemberContext, filters: PortfolioFilters): Promise<AcrossPortfolio> {
  const owner = filters.owner ? sql`and u.owner_id = ${filters.owner}` : sql``;
  const stage =
    filters.stage === NOT_STARTED
      ? sql`and p.id is null`
      : filters.stage
        ? sql`and p.stage = ${filters.stage}`
        : sql``;
  const pilotOwner = filters.owner ? sql`and p.owner_id = ${filters.owner}` : sql``;
  const [blockers, broken] = await Promise.all([
    db.execute(sql`
      with latest as (
        select distinct on (a.use_case_id) a.use_case_id, a.result
        from ${assessments} a
        where a.org_id = ${ctx.orgId} and a.status = 'submitted'
        order by a.use_case_id, a.submitted_at desc
      )
      select b->>'id' as key, min(b->>'reason') as text, count(distinct u.id)::int as count,
        json_agg(distinct jsonb_build_object('id', u.id, 'name', u.name, 'pilotId', p.id)) as use_cases
      from latest l
      join ${useCases} u on u.id = l.use_case_id and u.archived_at is null
      left join ${pilots} p on p.use_case_id = u.id and p.status <> 'retired'
      cross join lateral jsonb_array_elements(coalesce(l.result->'blockers', '[]'::jsonb)) b
      where coalesce(b->>'status', 'confirmed') = 'confirmed' ${owner} ${stage}
      group by b->>'id'
      order by count desc, key
      limit ${TOP}`),
    filters.stage === NOT_STARTED
      ? []
      : db.execute(sql`
      select coalesce(a.question_id, lower(a.text)) as key, min(a.text) as text,
        count(distinct u.id)::int as count,
        json_agg(distinct jsonb_build_object('id', u.id, 'name', u.name, 'pilotId', p.id)) as use_cases
      from ${pilotAssumptions} a
      join ${pilots} p on p.id = a.pilot_id and p.status <> 'retired'
      join ${useCases} u on u.id = p.use_case_id
      where a.org_id = ${ctx.orgId} and a.status = 'broken' ${pilotOwner} ${stage}
      group by 1
      order by count desc, key
      limit ${TOP}`),
  ]);
  const sortNames = (f: RecurringFinding) => ({
    ...f,
    useCases: [...f.useCases].sort((a, b) => a.name.localeCompare(b.name)),
  });
  return {
    blockers: findings(rowsOf<FindingRow>(blockers)).map(sortNames),
    brokenAssumptions: findings(rowsOf<FindingRow>(broken)).map(sortNames),
  };
}

/** The organisation-wide figures of the portfolio, the same for every reader. */
async function loadPortfolio(ctx: MemberContext, filters: PortfolioFilters, now: Date) {
  const from = periodStartFor(filters.period, now);
  const [settings, rows] = await Promise.all([
    getPortfolioSettings(ctx),
    readinessPoints(ctx, filters),
  ]);
  const [totalsRow, funnelRows, attentionInputs, outcomeData, acrossData] = await Promise.all([
    totals(ctx, filters),
    funnel(ctx, filters, from, now),
    loadAttentionInputs(ctx, filters),
    outcomes(ctx, filters, from),
    across(ctx, filters),
  ]);
  return { settings, rows, totalsRow, funnelRows, attentionInputs, outcomeData, acrossData };
}

/**
 * The executive's portfolio for the caller's organisation (every role may read it), filtered by
 * owner (of the use case; of the pilot for pilot figures), stage ("not started" for use cases
 * without a live pilot) and period. Every figure is aggregated by the database, once per
 * change to the organisation's data (cachedForOrg); the reader's own list of what needs their
 * attention is drawn from those figures on each request.
 */
export async function getPortfolio(
  ctx: MemberContext,
  filters: PortfolioFilters,
  now = new Date(),
): Promise<PortfolioDto> {
  assertCan(ctx, "org:read");
  assertCan(ctx, "pilot:read");
  assertCan(ctx, "incident:read");
  const data = await cachedForOrg(ctx, "portfolio", filters, () =>
    loadPortfolio(ctx, filters, now),
  );
  const { settings, rows } = data;
  // Each gate is evaluated for every pilot in view: kept too, per reader.
  const reader = {
    filters,
    role: ctx.role,
    user: ctx.actor.type === "user" ? ctx.actor.userId : null,
  };
  const attention = await cachedForOrg(ctx, "portfolio-attention", reader, async () =>
    attentionFor(
      ctx,
      data.attentionInputs,
      settings,
      rows.map((r) => ({ id: r.point.useCaseId, name: r.point.name, assessedAt: r.assessedAt })),
      now,
    ),
  );
  return {
    settings: { stallDays: settings.stallDays, reviewIntervalDays: settings.reviewIntervalDays },
    totals: data.totalsRow,
    points: rows.map((r) => r.point),
    funnel: data.funnelRows,
    attention,
    outcomes: data.outcomeData,
    across: data.acrossData,
  };
}
