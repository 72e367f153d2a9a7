import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { incidentDailyRollups, incidents, pilots, runMetrics, useCases } from "@/db/schema";
import {
  type DurationMetric,
  INCIDENT_CATEGORIES,
  type IncidentAggregate,
  type IncidentCategory,
  type IncidentMetricsDto,
} from "@/lib/domain/incidents";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { type Stage, stageIndex } from "@/lib/domain/stages";
import { assertId } from "@/lib/errors";
import { rollupsCover, rollupWhere } from "./incident-rollups";
import { incidentCurrency } from "./incidents";
import { type IncidentFilters, incidentWhere, pilotScope } from "./internal/incidents";
import { cachedForOrg } from "./internal/org-cache";

// date_part gives float8 (extract gives numeric, several times slower to aggregate).
const minutes = (from: unknown, to: unknown) =>
  sql`date_part('epoch', ${to} - ${from}) / 60.0::float8`;

/** Median and 90th percentile of a duration in minutes, as a two-element array. */
const percentiles = (from: unknown, to: unknown) =>
  sql<unknown>`percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${minutes(from, to)})`;

/** Aggregate columns shared by the summary and the series: all computed by the database. */
const aggregateColumns = {
  count: sql<number>`count(*)::int`,
  open: sql<number>`count(*) filter (where ${incidents.resolvedAt} is null)::int`,
  sev1: sql<number>`count(*) filter (where ${incidents.severity} = 'sev1')::int`,
  sev2: sql<number>`count(*) filter (where ${incidents.severity} = 'sev2')::int`,
  sev3: sql<number>`count(*) filter (where ${incidents.severity} = 'sev3')::int`,
  sev4: sql<number>`count(*) filter (where ${incidents.severity} = 'sev4')::int`,
  prevented: sql<number>`count(*) filter (where ${incidents.outcome} = 'prevented')::int`,
  contained: sql<number>`count(*) filter (where ${incidents.outcome} = 'contained')::int`,
  customerImpact: sql<number>`count(*) filter (where ${incidents.outcome} = 'customer_impact')::int`,
  financialImpact: sql<number>`count(*) filter (where ${incidents.outcome} = 'financial_impact')::int`,
  // One sort per duration: percentile_cont over an array of fractions gives [median, p90].
  ttd: percentiles(incidents.startedAt, incidents.detectedAt),
  ttdCount: sql<number>`count(${minutes(incidents.startedAt, incidents.detectedAt)})::int`,
  tta: percentiles(incidents.detectedAt, incidents.acknowledgedAt),
  ttaCount: sql<number>`count(${minutes(incidents.detectedAt, incidents.acknowledgedAt)})::int`,
  ttm: percentiles(incidents.detectedAt, incidents.mitigatedAt),
  ttmCount: sql<number>`count(${minutes(incidents.detectedAt, incidents.mitigatedAt)})::int`,
  ttr: percentiles(incidents.detectedAt, incidents.resolvedAt),
  ttrCount: sql<number>`count(${minutes(incidents.detectedAt, incidents.resolvedAt)})::int`,
  cost: sql<string>`coalesce(sum(${incidents.costEstimate}), 0)::text`,
};

type AggregateRow = { [K in keyof typeof aggregateColumns]: unknown };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A float8[] as the driver returns it: an array, or its text form "{1.5,NULL}". */
function pair(v: unknown): [number | null, number | null] {
  const items =
    v === null || v === undefined
      ? []
      : Array.isArray(v)
        ? v
        : String(v).replace(/[{}]/g, "").split(",");
  const at = (i: number) => (items[i] === null || items[i] === "NULL" ? null : num(items[i]));
  return [at(0), at(1)];
}

function toAggregate(r: AggregateRow): IncidentAggregate {
  const count = Number(r.count);
  const caught = Number(r.prevented) + Number(r.contained);
  const duration = (percentiles: unknown, n: unknown): DurationMetric => {
    const [median, p90] = pair(percentiles);
    return { median, p90, count: Number(n) };
  };
  return {
    count,
    open: Number(r.open),
    bySeverity: {
      sev1: Number(r.sev1),
      sev2: Number(r.sev2),
      sev3: Number(r.sev3),
      sev4: Number(r.sev4),
    },
    byOutcome: {
      prevented: Number(r.prevented),
      contained: Number(r.contained),
      customer_impact: Number(r.customerImpact),
      financial_impact: Number(r.financialImpact),
    },
    timeToDetect: duration(r.ttd, r.ttdCount),
    timeToAcknowledge: duration(r.tta, r.ttaCount),
    timeToMitigate: duration(r.ttm, r.ttmCount),
    timeToResolve: duration(r.ttr, r.ttrCount),
    caughtBeforeImpact: count > 0 ? caught / count : null,
    totalCost: Number(r.cost),
  };
}

// grouping(category, stage, pilot_id) sets one bit per column left out of a row's grouping
// set, the first column's bit highest: a row grouped by category alone leaves out stage and
// pilot (0b011).
const GROUPED_BY_CATEGORY = 0b011;
const GROUPED_BY_STAGE = 0b101;
const GROUPED_BY_PILOT = 0b110;

const rate = (count: number, attempted: number) =>
  attempted > 0 ? (count / attempted) * 1000 : null;

type BreakdownRow = {
  category: IncidentCategory | null;
  stage: Stage | null;
  pilotId: string | null;
  set: number;
  count: number;
  open: number;
  ttrMedian: number | null;
};
type IncidentRows = {
  periodRows: ({ period: string } & Record<string, unknown>)[];
  breakdownRows: BreakdownRow[];
};

/** The metrics' incident rows computed from the incidents themselves (any filter). */
async function metricsFromIncidents(
  where: SQL | undefined,
  bucket: SQL<string>,
): Promise<IncidentRows> {
  // Two scans: incidents by period plus the total (grouping sets), and incidents by category,
  // stage and pilot (grouping sets).
  const [periodRows, breakdownRows] = await Promise.all([
    db
      .select({ period: bucket, ...aggregateColumns })
      .from(incidents)
      .where(where)
      .groupBy(sql`grouping sets ((${bucket}), ())`)
      .orderBy(sql`1 nulls first`),
    db
      .select({
        category: incidents.category,
        stage: incidents.stage,
        pilotId: incidents.pilotId,
        set: sql<number>`grouping(${incidents.category}, ${incidents.stage}, ${incidents.pilotId})::int`,
        count: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${incidents.resolvedAt} is null)::int`,
        ttrMedian: sql<
          number | null
        >`percentile_cont(0.5) within group (order by ${minutes(incidents.detectedAt, incidents.resolvedAt)})`,
      })
      .from(incidents)
      .where(where)
      .groupBy(
        sql`grouping sets ((${incidents.category}), (${incidents.stage}), (${incidents.pilotId}))`,
      ),
  ]);
  return { periodRows, breakdownRows };
}

/** Whether the daily rollups answer these filters: they do not know severity, category, outcome or status together with the rest. */
function rollupsServe(filters: IncidentFilters): boolean {
  return (
    rollupsCover(filters) &&
    !filters.severity &&
    !filters.category &&
    !filters.outcome &&
    !filters.status
  );
}

const R = incidentDailyRollups;
const sumOf = (column: unknown) => sql<number>`coalesce(sum(${column}), 0)::int`;
const sumLength = (column: unknown) => sql<number>`coalesce(sum(cardinality(${column})), 0)::int`;

/** The same rows as metricsFromIncidents, read from the daily rollups (see rollupsServe). */
async function metricsFromRollups(
  orgId: string,
  filters: IncidentFilters,
  groupBy: "week" | "month",
): Promise<IncidentRows> {
  const where = rollupWhere(orgId, filters);
  const unit = sql.raw(`'${groupBy}'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${R.day}::timestamp), 'YYYY-MM-DD')`;
  const pct = (v: string) =>
    sql.raw(`percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${v})`);
  const [counts, durations, breakdown, pilotTtr, categories] = await Promise.all([
    db
      .select({
        period: bucket,
        count: sumOf(R.incidents),
        open: sumOf(R.open),
        sev1: sumOf(R.sev1),
        sev2: sumOf(R.sev2),
        sev3: sumOf(R.sev3),
        sev4: sumOf(R.sev4),
        prevented: sumOf(R.prevented),
        contained: sumOf(R.contained),
        customerImpact: sumOf(R.customerImpact),
        financialImpact: sumOf(R.financialImpact),
        ttdCount: sumLength(R.ttd),
        ttaCount: sumLength(R.tta),
        ttmCount: sumLength(R.ttm),
        ttrCount: sumLength(R.ttr),
        cost: sql<string>`coalesce(sum(${R.cost}), 0)::text`,
      })
      .from(R)
      .where(where)
      .groupBy(sql`grouping sets ((${bucket}), ())`)
      .orderBy(sql`1 nulls first`),
    // One row per incident duration (unnest pads the shorter arrays with nulls, which
    // percentile_cont leaves out).
    db.execute(sql`
      select period, ${pct("a")} as ttd, ${pct("b")} as tta, ${pct("c")} as ttm, ${pct("d")} as ttr
      from (
        select ${bucket} as period, u.a, u.b, u.c, u.d
        from ${R} cross join lateral unnest(${R.ttd}, ${R.tta}, ${R.ttm}, ${R.ttr}) as u(a, b, c, d)
        where ${where}
      ) x
      group by grouping sets ((period), ())`),
    db
      .select({
        stage: R.stage,
        pilotId: R.pilotId,
        set: sql<number>`grouping(${R.stage}, ${R.pilotId})::int`,
        count: sumOf(R.incidents),
        open: sumOf(R.open),
      })
      .from(R)
      .where(where)
      .groupBy(sql`grouping sets ((${R.stage}), (${R.pilotId}))`),
    db.execute(sql`
      select ${R.pilotId} as pilot_id, percentile_cont(0.5) within group (order by v) as median
      from ${R} cross join lateral unnest(${R.ttr}) as v
      where ${where}
      group by ${R.pilotId}`),
    db.execute(sql`
      select u.n::int as n, sum(u.c)::int as count
      from ${R} cross join lateral unnest(${R.byCategory}) with ordinality as u(c, n)
      where ${where}
      group by u.n`),
  ]);
  type DurationRow = {
    period: string | null;
    ttd: unknown;
    tta: unknown;
    ttm: unknown;
    ttr: unknown;
  };
  const durationOf = new Map(rowsOf<DurationRow>(durations).map((r) => [r.period ?? null, r]));
  const periodRows = counts.map((r) => {
    const d = durationOf.get(r.period ?? null);
    return {
      ...r,
      ttd: d?.ttd ?? null,
      tta: d?.tta ?? null,
      ttm: d?.ttm ?? null,
      ttr: d?.ttr ?? null,
    };
  });
  const medianOf = new Map(
    rowsOf<{ pilot_id: string | null; median: unknown }>(pilotTtr).map((r) => [
      r.pilot_id,
      num(r.median),
    ]),
  );
  const none = { category: null, stage: null, pilotId: null, open: 0, ttrMedian: null };
  const breakdownRows: BreakdownRow[] = [
    ...rowsOf<{ n: number; count: number }>(categories)
      .filter((r) => Number(r.count) > 0)
      .map((r) => ({
        ...none,
        category: INCIDENT_CATEGORIES[Number(r.n) - 1] ?? null,
        set: GROUPED_BY_CATEGORY,
        count: Number(r.count),
      })),
    ...breakdown.map((r) =>
      // grouping(stage, pilot) is 0b01 for the stage rows and 0b10 for the pilot rows.
      Number(r.set) === 0b01
        ? { ...none, stage: r.stage, set: GROUPED_BY_STAGE, count: r.count }
        : {
            ...none,
            pilotId: r.pilotId,
            set: GROUPED_BY_PILOT,
            count: r.count,
            open: r.open,
            ttrMedian: medianOf.get(r.pilotId) ?? null,
          },
    ),
  ];
  return { periodRows, breakdownRows };
}

/** Rows of db.execute: an array on PostgreSQL, `{ rows }` on PGlite. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Incident outcome metrics for the filtered incidents, aggregated in SQL: totals, a series by
 * week or month of the start time (UTC), and breakdowns by category, stage and pilot. Incident
 * rates divide by the actions attempted in the run metrics of the same pilots and periods.
 */
export async function getIncidentMetrics(
  ctx: MemberContext,
  filters: IncidentFilters,
  groupBy: "week" | "month",
): Promise<IncidentMetricsDto> {
  assertCan(ctx, "incident:read");
  if (filters.pilotId) assertId(filters.pilotId, "The pilot");
  // The same for every reader of the organisation: computed once per change to its data.
  return cachedForOrg(ctx, "incident-metrics", { filters, groupBy }, () =>
    readIncidentMetrics(ctx, filters, groupBy),
  );
}

async function readIncidentMetrics(
  ctx: MemberContext,
  filters: IncidentFilters,
  groupBy: "week" | "month",
): Promise<IncidentMetricsDto> {
  const where = incidentWhere(ctx.orgId, filters);
  const unit = sql.raw(`'${groupBy}'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${incidents.startedAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const metricWhere = and(
    eq(runMetrics.orgId, ctx.orgId),
    filters.pilotId ? eq(runMetrics.pilotId, filters.pilotId) : undefined,
    filters.from
      ? sql`${runMetrics.periodStart} >= (${filters.from.toISOString()}::timestamptz at time zone 'UTC')::date`
      : undefined,
    filters.to
      ? sql`${runMetrics.periodStart} < (${filters.to.toISOString()}::timestamptz at time zone 'UTC')::date`
      : undefined,
    pilotScope(ctx.orgId, runMetrics.pilotId, filters),
  );

  // Actions attempted per day and stage first (one hash aggregate over the run metrics),
  // then by period and by stage over those few rows: cheaper than bucketing every row.
  const byDay = db
    .select({
      day: runMetrics.periodStart,
      stage: runMetrics.stage,
      attempted: sql<string>`sum(${runMetrics.attempted})`.as("attempted"),
    })
    .from(runMetrics)
    .where(metricWhere)
    .groupBy(runMetrics.periodStart, runMetrics.stage)
    .as("by_day");
  const metricBucket = sql<string>`to_char(date_trunc(${unit}, ${byDay.day}::timestamp), 'YYYY-MM-DD')`;
  const [incidentRows, attemptedRows] = await Promise.all([
    rollupsServe(filters)
      ? metricsFromRollups(ctx.orgId, filters, groupBy)
      : metricsFromIncidents(where, bucket),
    db
      .select({
        period: metricBucket,
        stage: byDay.stage,
        attempted: sql<string>`sum(${byDay.attempted})::text`,
      })
      .from(byDay)
      .groupBy(sql`grouping sets ((${metricBucket}), (${byDay.stage}))`),
  ]);
  const { periodRows, breakdownRows } = incidentRows;
  const categoryRows = breakdownRows
    .filter((r) => Number(r.set) === GROUPED_BY_CATEGORY && r.category !== null)
    .map((r) => ({ category: r.category as IncidentCategory, count: r.count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        INCIDENT_CATEGORIES.indexOf(a.category) - INCIDENT_CATEGORIES.indexOf(b.category),
    );
  const stageRows = breakdownRows.filter(
    (r) => Number(r.set) === GROUPED_BY_STAGE && r.stage !== null,
  );
  const pilotCounts = breakdownRows.filter(
    (r) => Number(r.set) === GROUPED_BY_PILOT && r.pilotId !== null,
  );
  const names = pilotCounts.length
    ? await db
        .select({ id: pilots.id, name: useCases.name })
        .from(pilots)
        .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
        .where(
          and(
            eq(pilots.orgId, ctx.orgId),
            inArray(
              pilots.id,
              pilotCounts.map((r) => r.pilotId as string),
            ),
          ),
        )
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const pilotRows = pilotCounts
    .map((r) => ({ ...r, name: nameOf.get(r.pilotId as string) ?? "" }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const [summaryRow, ...seriesRows] = periodRows;
  const attemptedBy = new Map(
    attemptedRows.filter((r) => r.period !== null).map((r) => [r.period, Number(r.attempted)]),
  );
  const stageAttempted = attemptedRows.filter((r) => r.period === null);
  const totalAttempted = [...attemptedBy.values()].reduce((a, b) => a + b, 0);
  const summary = toAggregate(summaryRow as unknown as AggregateRow);
  const stageAttemptedBy = new Map(stageAttempted.map((r) => [r.stage, Number(r.attempted)]));
  const stages = [...new Set([...stageRows.map((r) => r.stage), ...stageAttemptedBy.keys()])]
    .filter((s): s is Stage => s !== null)
    .sort((a, b) => stageIndex(a) - stageIndex(b));
  return {
    groupBy,
    currency: incidentCurrency(ctx),
    summary: {
      ...summary,
      actionsAttempted: totalAttempted,
      ratePer1000: rate(summary.count, totalAttempted),
    },
    actionsByPeriod: [...attemptedBy].map(([period, attempted]) => ({ period, attempted })),
    series: seriesRows.map(({ period, ...r }) => {
      const attempted = attemptedBy.get(period) ?? 0;
      const agg = toAggregate(r as AggregateRow);
      return {
        period,
        ...agg,
        actionsAttempted: attempted,
        ratePer1000: rate(agg.count, attempted),
      };
    }),
    byCategory: categoryRows,
    byStage: stages.map((stage) => {
      const count = stageRows.find((r) => r.stage === stage)?.count ?? 0;
      const attempted = stageAttemptedBy.get(stage) ?? 0;
      return { stage, count, actionsAttempted: attempted, ratePer1000: rate(count, attempted) };
    }),
    byPilot: pilotRows.map((r) => ({
      pilotId: r.pilotId as string,
      name: r.name,
      count: r.count,
      open: r.open,
      ttrMedian: num(r.ttrMedian),
    })),
  };
}
