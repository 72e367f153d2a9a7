import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { incidents, pilots, runMetrics, useCases } from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/auth/permissions";
import type { DurationMetric, IncidentCategory, Severity } from "@/lib/domain/incidents";
import type { Stage } from "@/lib/domain/stages";
import { assertId } from "@/lib/errors";
import { type IncidentFilters, incidentWhere } from "./incidents";

export type IncidentAggregate = {
  count: number;
  open: number;
  bySeverity: Record<Severity, number>;
  byOutcome: {
    prevented: number;
    contained: number;
    customer_impact: number;
    financial_impact: number;
  };
  timeToDetect: DurationMetric;
  timeToAcknowledge: DurationMetric;
  timeToMitigate: DurationMetric;
  timeToResolve: DurationMetric;
  /** Prevented or contained ÷ incidents (every incident has an outcome). */
  caughtBeforeImpact: number | null;
  totalCost: number;
};

export type IncidentSeriesPoint = IncidentAggregate & {
  /** Start of the week (Monday) or month, YYYY-MM-DD, UTC. */
  period: string;
  actionsAttempted: number;
  /** Incidents per 1,000 actions attempted in the period, or null without run metrics. */
  ratePer1000: number | null;
};

export type IncidentMetricsDto = {
  groupBy: "week" | "month";
  summary: IncidentAggregate & { actionsAttempted: number; ratePer1000: number | null };
  series: IncidentSeriesPoint[];
  byCategory: { category: IncidentCategory; count: number }[];
  byStage: { stage: Stage; count: number; actionsAttempted: number; ratePer1000: number | null }[];
  byPilot: {
    pilotId: string;
    name: string;
    count: number;
    open: number;
    ttrMedian: number | null;
  }[];
};

const minutes = (from: unknown, to: unknown) => sql`extract(epoch from (${to} - ${from})) / 60.0`;

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
  ttdMedian: sql<
    number | null
  >`percentile_cont(0.5) within group (order by ${minutes(incidents.startedAt, incidents.detectedAt)})`,
  ttdP90: sql<
    number | null
  >`percentile_cont(0.9) within group (order by ${minutes(incidents.startedAt, incidents.detectedAt)})`,
  ttdCount: sql<number>`count(${incidents.detectedAt})::int`,
  ttaMedian: sql<
    number | null
  >`percentile_cont(0.5) within group (order by ${minutes(incidents.detectedAt, incidents.acknowledgedAt)})`,
  ttaP90: sql<
    number | null
  >`percentile_cont(0.9) within group (order by ${minutes(incidents.detectedAt, incidents.acknowledgedAt)})`,
  ttaCount: sql<number>`count(${minutes(incidents.detectedAt, incidents.acknowledgedAt)})::int`,
  ttmMedian: sql<
    number | null
  >`percentile_cont(0.5) within group (order by ${minutes(incidents.detectedAt, incidents.mitigatedAt)})`,
  ttmP90: sql<
    number | null
  >`percentile_cont(0.9) within group (order by ${minutes(incidents.detectedAt, incidents.mitigatedAt)})`,
  ttmCount: sql<number>`count(${minutes(incidents.detectedAt, incidents.mitigatedAt)})::int`,
  ttrMedian: sql<
    number | null
  >`percentile_cont(0.5) within group (order by ${minutes(incidents.detectedAt, incidents.resolvedAt)})`,
  ttrP90: sql<
    number | null
  >`percentile_cont(0.9) within group (order by ${minutes(incidents.detectedAt, incidents.resolvedAt)})`,
  ttrCount: sql<number>`count(${minutes(incidents.detectedAt, incidents.resolvedAt)})::int`,
  cost: sql<string>`coalesce(sum(${incidents.costEstimate}), 0)::text`,
};

type AggregateRow = { [K in keyof typeof aggregateColumns]: unknown };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toAggregate(r: AggregateRow): IncidentAggregate {
  const count = Number(r.count);
  const caught = Number(r.prevented) + Number(r.contained);
  const duration = (median: unknown, p90: unknown, n: unknown): DurationMetric => ({
    median: num(median),
    p90: num(p90),
    count: Number(n),
  });
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
    timeToDetect: duration(r.ttdMedian, r.ttdP90, r.ttdCount),
    timeToAcknowledge: duration(r.ttaMedian, r.ttaP90, r.ttaCount),
    timeToMitigate: duration(r.ttmMedian, r.ttmP90, r.ttmCount),
    timeToResolve: duration(r.ttrMedian, r.ttrP90, r.ttrCount),
    caughtBeforeImpact: count > 0 ? caught / count : null,
    totalCost: Number(r.cost),
  };
}

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
  );

  const [
    summaryRows,
    seriesRows,
    attemptedRows,
    categoryRows,
    stageRows,
    stageAttempted,
    pilotRows,
  ] = await Promise.all([
    db.select(aggregateColumns).from(incidents).where(where),
    db
      .select({ period: bucket, ...aggregateColumns })
      .from(incidents)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select({ period: metricBucket, attempted: sql<string>`sum(${runMetrics.attempted})::text` })
      .from(runMetrics)
      .where(metricWhere)
      .groupBy(sql`1`),
    db
      .select({ category: incidents.category, count: sql<number>`count(*)::int` })
      .from(incidents)
      .where(where)
      .groupBy(incidents.category)
      .orderBy(sql`2 desc`, incidents.category),
    db
      .select({ stage: incidents.stage, count: sql<number>`count(*)::int` })
      .from(incidents)
      .where(and(where, sql`${incidents.stage} is not null`))
      .groupBy(incidents.stage),
    db
      .select({
        stage: runMetrics.stage,
        attempted: sql<string>`sum(${runMetrics.attempted})::text`,
      })
      .from(runMetrics)
      .where(metricWhere)
      .groupBy(runMetrics.stage),
    db
      .select({
        pilotId: incidents.pilotId,
        name: useCases.name,
        count: sql<number>`count(*)::int`,
        open: sql<number>`count(*) filter (where ${incidents.resolvedAt} is null)::int`,
        ttrMedian: sql<
          number | null
        >`percentile_cont(0.5) within group (order by ${minutes(incidents.detectedAt, incidents.resolvedAt)})`,
      })
      .from(incidents)
      .innerJoin(pilots, eq(pilots.id, incidents.pilotId))
      .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
      .where(where)
      .groupBy(incidents.pilotId, useCases.name)
      .orderBy(sql`3 desc`, useCases.name),
  ]);

  const attemptedBy = new Map(attemptedRows.map((r) => [r.period, Number(r.attempted)]));
  const totalAttempted = [...attemptedBy.values()].reduce((a, b) => a + b, 0);
  const summary = toAggregate(summaryRows[0] as AggregateRow);
  const stageOrder = [
    "proposed",
    "sandbox",
    "shadow",
    "supervised",
    "limited_production",
    "production",
  ];
  const stageAttemptedBy = new Map(stageAttempted.map((r) => [r.stage, Number(r.attempted)]));
  const stages = [...new Set([...stageRows.map((r) => r.stage), ...stageAttemptedBy.keys()])]
    .filter((s): s is Stage => s !== null)
    .sort((a, b) => stageOrder.indexOf(a) - stageOrder.indexOf(b));
  return {
    groupBy,
    summary: {
      ...summary,
      actionsAttempted: totalAttempted,
      ratePer1000: rate(summary.count, totalAttempted),
    },
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
