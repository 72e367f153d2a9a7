import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { pilots, pilotTransitions, runMetrics } from "@/db/schema";
import { accuracy, escalationRate, overrideRate } from "@/lib/domain/gates";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import {
  type MetricPeriod,
  normalisePeriodStart,
  periodBeforeStartError,
  type RunMetricValues,
  runMetricErrors,
} from "@/lib/domain/pilots";
import { STAGES, type Stage, stageIndex } from "@/lib/domain/stages";
import { AppError, conflict } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { runIdempotent } from "./internal/idempotency";
import { pilotScope } from "./internal/incidents";
import { getPilot } from "./pilots";

export type RunMetricInput = RunMetricValues & { period: MetricPeriod; periodStart: string };

export type RunMetricDto = RunMetricValues & {
  id: string;
  period: MetricPeriod;
  periodStart: string;
  stage: Stage;
  source: string;
  accuracy: number | null;
  overrideRate: number | null;
  escalationRate: number | null;
  updatedAt: Date;
};

export type RunMetricSource = "ui" | "csv" | "api";

/** The columns of a run metrics row as queries return it. */
export const runMetricColumns = {
  id: runMetrics.id,
  period: runMetrics.period,
  periodStart: runMetrics.periodStart,
  stage: runMetrics.stage,
  attempted: runMetrics.attempted,
  correct: runMetrics.correct,
  overrides: runMetrics.overrides,
  escalations: runMetrics.escalations,
  source: runMetrics.source,
  updatedAt: runMetrics.updatedAt,
};

/** Counts of a period with its accuracy, override and escalation rates. */
export function withRates<T extends RunMetricValues>(row: T) {
  return {
    ...row,
    accuracy: accuracy(row.correct, row.attempted),
    overrideRate: overrideRate(row.overrides, row.attempted),
    escalationRate: escalationRate(row.escalations, row.attempted),
  };
}

/** A pilot's run metrics, oldest period first, with accuracy and rates computed. */
export async function listRunMetrics(ctx: MemberContext, pilotId: string): Promise<RunMetricDto[]> {
  await getPilot(ctx, pilotId);
  const rows = await db
    .select(runMetricColumns)
    .from(runMetrics)
    .where(and(eq(runMetrics.orgId, ctx.orgId), eq(runMetrics.pilotId, pilotId)))
    .orderBy(asc(runMetrics.periodStart), asc(runMetrics.period));
  return rows.map(withRates);
}

/** A row of a pilot's run metrics as its page shows them: one recorded period, or a week or month of them. */
export type RunMetricSeriesRow = RunMetricValues & {
  id: string;
  period: MetricPeriod | "month";
  periodStart: string;
  stage: Stage;
  accuracy: number | null;
  overrideRate: number | null;
  escalationRate: number | null;
};

/**
 * A pilot's run metrics, oldest first, as at most about `maxPoints` rows: the recorded periods
 * while there are no more than that, else added up in SQL per week (per month when even the
 * weeks are too many), split where the stage changed within one.
 */
export async function listRunMetricSeries(
  ctx: MemberContext,
  pilotId: string,
  maxPoints = 30,
): Promise<{ rows: RunMetricSeriesRow[]; unit: MetricPeriod | "month" | "recorded" }> {
  await getPilot(ctx, pilotId);
  const where = and(eq(runMetrics.orgId, ctx.orgId), eq(runMetrics.pilotId, pilotId));
  const [span] = await db
    .select({
      count: sql<number>`count(*)::int`,
      days: sql<number>`coalesce(max(${runMetrics.periodStart}) - min(${runMetrics.periodStart}), 0)::int`,
    })
    .from(runMetrics)
    .where(where);
  if (!span || span.count <= maxPoints) {
    const rows = await db
      .select(runMetricColumns)
      .from(runMetrics)
      .where(where)
      .orderBy(asc(runMetrics.periodStart), asc(runMetrics.period));
    return { rows: rows.map(withRates), unit: "recorded" };
  }
  const unit = span.days / 7 < maxPoints ? "week" : "month";
  const bucket = sql<string>`to_char(date_trunc(${sql.raw(`'${unit}'`)}, ${runMetrics.periodStart}::timestamp), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      periodStart: bucket,
      stage: runMetrics.stage,
      attempted: sql<number>`sum(${runMetrics.attempted})`.mapWith(Number),
      correct: sql<number>`sum(${runMetrics.correct})`.mapWith(Number),
      overrides: sql<number>`sum(${runMetrics.overrides})`.mapWith(Number),
      escalations: sql<number>`sum(${runMetrics.escalations})`.mapWith(Number),
    })
    .from(runMetrics)
    .where(where)
    .groupBy(bucket, runMetrics.stage)
    .orderBy(bucket, sql`min(${runMetrics.periodStart})`);
  return {
    rows: rows.map((r) => withRates({ ...r, id: `${r.periodStart}-${r.stage}`, period: unit })),
    unit,
  };
}

/** The stage the pilot was in at the start of a period, read from its timeline. */
async function stageOn(
  tx: Executor,
  pilotId: string,
  day: string,
  fallback: Stage,
): Promise<Stage> {
  const [row] = await tx
    .select({ toStage: pilotTransitions.toStage })
    .from(pilotTransitions)
    .where(
      and(
        eq(pilotTransitions.pilotId, pilotId),
        lte(pilotTransitions.createdAt, sql`(${day}::date + interval '1 day')`),
      ),
    )
    .orderBy(desc(pilotTransitions.createdAt))
    .limit(1);
  return row?.toStage ?? fallback;
}

/**
 * Every row checked before any is written: counts consistent, no period twice, none before
 * the pilot's start date. Field errors are keyed by row (`metrics.2.periodStart`).
 */
function validate(rows: readonly RunMetricInput[], startDate: string) {
  const fields: Record<string, string[]> = {};
  let beforeStart = 0;
  rows.forEach((row, i) => {
    for (const [field, message] of Object.entries(runMetricErrors(row))) {
      fields[`metrics.${i}.${field}`] = [message];
    }
    const early = periodBeforeStartError(row.period, row.periodStart, startDate);
    if (early) {
      fields[`metrics.${i}.periodStart`] = [early];
      beforeStart++;
    }
  });
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = `${row.period}:${normalisePeriodStart(row.period, row.periodStart)}`;
    if (seen.has(key)) fields[`metrics.${i}.periodStart`] = ["This period appears twice."];
    seen.add(key);
  });
  const wrong = Object.keys(fields).length;
  if (wrong > 0) {
    const message =
      beforeStart === wrong
        ? `Run metrics cannot cover days before the pilot started on ${startDate}.`
        : "Some run metrics are not consistent.";
    throw new AppError("invalid_input", message, fields);
  }
}

async function upsert(
  tx: Executor,
  ctx: MemberContext,
  pilotId: string,
  rows: readonly RunMetricInput[],
  source: RunMetricSource,
): Promise<RunMetricDto[]> {
  const pilot = await getPilot(ctx, pilotId, tx);
  if (pilot.status === "retired") throw conflict("A retired pilot takes no more run metrics.");
  validate(rows, pilot.startDate);
  const saved: RunMetricDto[] = [];
  for (const input of rows) {
    const periodStart = normalisePeriodStart(input.period, input.periodStart);
    const [before] = await tx
      .select(runMetricColumns)
      .from(runMetrics)
      .where(
        and(
          eq(runMetrics.pilotId, pilotId),
          eq(runMetrics.period, input.period),
          eq(runMetrics.periodStart, periodStart),
        ),
      );
    const values = {
      attempted: input.attempted,
      correct: input.correct,
      overrides: input.overrides,
      escalations: input.escalations,
    };
    const stage = before?.stage ?? (await stageOn(tx, pilotId, periodStart, pilot.stage));
    const [row] = await tx
      .insert(runMetrics)
      .values({
        orgId: ctx.orgId,
        pilotId,
        period: input.period,
        periodStart,
        stage,
        ...values,
        source,
        recordedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .onConflictDoUpdate({
        target: [runMetrics.pilotId, runMetrics.period, runMetrics.periodStart],
        set: { ...values, source, updatedAt: sql`now()` },
      })
      .returning(runMetricColumns);
    if (!row) throw new Error("upsert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: before ? "run_metrics.updated" : "run_metrics.recorded",
      entityType: "pilot",
      entityId: pilotId,
      before: before
        ? { period: before.period, periodStart: before.periodStart, ...pickValues(before) }
        : null,
      after: { period: row.period, periodStart: row.periodStart, ...values, source },
    });
    saved.push(withRates(row));
  }
  return saved;
}

const pickValues = (r: RunMetricValues) => ({
  attempted: r.attempted,
  correct: r.correct,
  overrides: r.overrides,
  escalations: r.escalations,
});

/**
 * Records run metrics for one or more periods of a pilot (contributors and above). A period
 * already recorded is replaced, and the audit log keeps what it said before.
 */
export async function recordRunMetrics(
  ctx: MemberContext,
  pilotId: string,
  rows: readonly RunMetricInput[],
  source: RunMetricSource,
): Promise<RunMetricDto[]> {
  assertCan(ctx, "pilot:metrics");
  return db.transaction((tx) => upsert(tx, ctx, pilotId, rows, source));
}

/** The same, through the API: a retried request with the same Idempotency-Key replays. */
export async function recordRunMetricsIdempotent(
  ctx: MemberContext,
  pilotId: string,
  rows: readonly RunMetricInput[],
  key: string,
  body: unknown,
) {
  assertCan(ctx, "pilot:metrics");
  return db.transaction(async (tx) => {
    await getPilot(ctx, pilotId, tx);
    return runIdempotent(tx, ctx.orgId, `run-metrics:${pilotId}`, key, body, async () => ({
      status: 201,
      body: { data: await upsert(tx, ctx, pilotId, rows, "api") },
    }));
  });
}

/** Totals of a pilot's run metrics per stage (for the pilot page). */
export async function runMetricTotalsByStage(ctx: MemberContext, pilotId: string) {
  await getPilot(ctx, pilotId);
  const rows = await db
    .select({
      stage: runMetrics.stage,
      attempted: sql<number>`sum(${runMetrics.attempted})`.mapWith(Number),
      correct: sql<number>`sum(${runMetrics.correct})`.mapWith(Number),
      overrides: sql<number>`sum(${runMetrics.overrides})`.mapWith(Number),
      escalations: sql<number>`sum(${runMetrics.escalations})`.mapWith(Number),
    })
    .from(runMetrics)
    .innerJoin(pilots, eq(pilots.id, runMetrics.pilotId))
    .where(and(eq(runMetrics.orgId, ctx.orgId), eq(runMetrics.pilotId, pilotId)))
    .groupBy(runMetrics.stage);
  return rows.map(withRates);
}

export type RunMetricTrendPoint = {
  /** Start of the week (Monday) or month, YYYY-MM-DD. */
  period: string;
  attempted: number;
  accuracy: number | null;
  overrideRate: number | null;
};

/**
 * Accuracy and human-override rate per week or month across the organisation's pilots,
 * summed in SQL over the run metrics recorded in `fromStage` or a later stage, optionally
 * since a date and for the pilots of one owner or current stage.
 */
export async function runMetricTrend(
  ctx: MemberContext,
  filters: { fromStage: Stage; from?: Date; ownerId?: string; pilotStage?: Stage },
  unit: "week" | "month",
): Promise<RunMetricTrendPoint[]> {
  assertCan(ctx, "pilot:read");
  const bucket = sql<string>`to_char(date_trunc(${sql.raw(`'${unit}'`)}, ${runMetrics.periodStart}::timestamp), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      period: bucket,
      attempted: sql<number>`sum(${runMetrics.attempted})`.mapWith(Number),
      correct: sql<number>`sum(${runMetrics.correct})`.mapWith(Number),
      overrides: sql<number>`sum(${runMetrics.overrides})`.mapWith(Number),
    })
    .from(runMetrics)
    .where(
      and(
        eq(runMetrics.orgId, ctx.orgId),
        inArray(
          runMetrics.stage,
          STAGES.filter((s) => stageIndex(s) >= stageIndex(filters.fromStage)),
        ),
        filters.from
          ? gte(
              runMetrics.periodStart,
              sql`(${filters.from.toISOString()}::timestamptz at time zone 'UTC')::date`,
            )
          : undefined,
        pilotScope(ctx.orgId, runMetrics.pilotId, filters),
      ),
    )
    .groupBy(bucket)
    .orderBy(bucket);
  return rows.map((r) => ({
    period: r.period,
    attempted: r.attempted,
    accuracy: accuracy(r.correct, r.attempted),
    overrideRate: overrideRate(r.overrides, r.attempted),
  }));
}
