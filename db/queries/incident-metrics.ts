import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { incidents, pilots, runMetrics, useCases } from "@/db/schema";
import {
  type DurationMetric,
  INCIDENT_CATEGORIES,
  type IncidentAggregate,
  type IncidentMetricsDto,
} from "@/lib/domain/incidents";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { type Stage, stageIndex } from "@/lib/domain/stages";
import { assertId } from "@/lib/errors";
import { incidentCurrency } from "./incidents";
import { type IncidentFilters, incidentWhere, pilotScope } from "./internal/incidents";

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
  const where = incidentWhere(ctx.orgId, filters);
  const unit = sql.raw(`'${groupBy}'`);
  const bucket = sql<string>`to_char(date_trunc(${unit}, ${incidents.startedAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const metricBucket = sql<string>`to_char(date_trunc(${unit}, ${runMetrics.periodStart}::timestamp), 'YYYY-MM-DD')`;
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

  // Three scans in all: incidents by period plus the total (grouping sets), incidents by
  // category, stage and pilot (grouping sets), and run metrics by period and by stage.
  const [periodRows, breakdownRows, attemptedRows] = await Promise.all([
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
    db
      .select({
        period: metricBucket,
        stage: runMetrics.stage,
        attempted: sql<string>`sum(${runMetrics.attempted})::text`,
      })
      .from(runMetrics)
      .where(metricWhere)
      .groupBy(sql`grouping sets ((${metricBucket}), (${runMetrics.stage}))`),
  ]);
  const categoryRows = breakdownRows
    .filter((r) => Number(r.set) === GROUPED_BY_CATEGORY)
    .map((r) => ({ category: r.category, count: r.count }))
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
  const summary = toAggregate(summaryRow as AggregateRow);
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
