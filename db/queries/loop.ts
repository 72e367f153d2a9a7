import { and, desc, eq, gte, inArray, or, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  assessments,
  incidents,
  pilotAssumptions,
  pilots,
  pilotTransitions,
  runMetrics,
  useCases,
} from "@/db/schema";
import type { IncidentCategory, Severity } from "@/lib/domain/incidents";
import {
  answersBehindLesson,
  buildLoop,
  categoriesForDimension,
  type DimensionFigures,
  dimensionForCategory,
  type FrozenQuestion,
  type LessonDto,
  type LoopDto,
  type LoopPilotInput,
  readDimension,
} from "@/lib/domain/loop";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { PilotStatus } from "@/lib/domain/pilots";
import { loopScopeOf, type PortfolioFilters } from "@/lib/domain/portfolio";
import type { Band } from "@/lib/domain/scoring/bands";
import type { Stage } from "@/lib/domain/stages";
import { assertId, notFound } from "@/lib/errors";
import { cachedForOrg } from "./internal/org-cache";

/** The dashboard's filters: pilots of one owner, in one stage, and what happened since a date. */
export type LoopFilters = { ownerId?: string; stage?: Stage; since?: Date };

type PilotScope = LoopFilters & { pilotId?: string };

/**
 * The pilots compared, each with the assessment it started from (or the latest submitted
 * before its start) and the start of its window: the later of the pilot's start, the
 * assessment's submission and the `since` filter. Columns are prefixed so the correlated
 * subqueries below can never resolve one to a column of their own tables.
 */
function loopPilots(ctx: MemberContext, scope: PilotScope) {
  const startedAt = sql`least((${pilots.startDate}::timestamp at time zone 'UTC'), ${pilots.createdAt})`;
  const startAssessment = sql`coalesce(${pilots.assessmentId}, (
    select a.id from ${assessments} a
    where a.org_id = ${pilots.orgId} and a.use_case_id = ${pilots.useCaseId}
      and a.status = 'submitted' and a.submitted_at <= ${startedAt}
    order by a.submitted_at desc limit 1
  ))`;
  const since = scope.since ? scope.since.toISOString() : null;
  return db.$with("loop_pilots").as(
    db
      .select({
        pilotId: sql<string>`${pilots.id}`.as("lp_pilot_id"),
        useCaseId: sql<string>`${pilots.useCaseId}`.as("lp_use_case_id"),
        useCaseName: sql<string>`${useCases.name}`.as("lp_use_case_name"),
        stage: sql<Stage>`${pilots.stage}`.as("lp_stage"),
        status: sql<PilotStatus>`${pilots.status}`.as("lp_status"),
        assessmentId: sql<string | null>`${assessments.id}`.as("lp_assessment_id"),
        overall: sql<number | null>`${assessments.overall}`.as("lp_overall"),
        band: sql<string | null>`${assessments.band}`.as("lp_band"),
        confidence: sql<number | null>`${assessments.confidence}`.as("lp_confidence"),
        submittedAt: sql<Date | null>`${assessments.submittedAt}`.as("lp_submitted_at"),
        dims: sql<unknown>`${assessments.result} -> 'dimensions'`.as("lp_dims"),
        since:
          sql<Date>`greatest(${startedAt}, ${assessments.submittedAt}, ${since}::timestamptz)`.as(
            "lp_since",
          ),
      })
      .from(pilots)
      .innerJoin(useCases, eq(useCases.id, pilots.useCaseId))
      .leftJoin(
        assessments,
        and(eq(assessments.orgId, pilots.orgId), sql`${assessments.id} = ${startAssessment}`),
      )
      .where(
        and(
          eq(pilots.orgId, ctx.orgId),
          scope.pilotId ? eq(pilots.id, scope.pilotId) : undefined,
          scope.ownerId ? eq(pilots.ownerId, scope.ownerId) : undefined,
          scope.stage ? eq(pilots.stage, scope.stage) : undefined,
        ),
      ),
  );
}

const epochMs = (ts: unknown) => sql<number | null>`(extract(epoch from ${ts}) * 1000)::float8`;
const toDate = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)));
const json = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);

type DimensionJson = Partial<DimensionFigures> & { id: string; title: string };

function dimensionsOf(dims: unknown): LoopPilotInput["dimensions"] {
  const list = json(dims);
  if (!Array.isArray(list)) return [];
  return (list as DimensionJson[]).map((d) => ({
    id: d.id,
    title: d.title,
    score: Number(d.score ?? 0),
    knownScore: d.knownScore === null || d.knownScore === undefined ? null : Number(d.knownScore),
    applicable: Number(d.applicable ?? 0),
    answered: Number(d.answered ?? 0),
  }));
}

/** Pilots with their assessment, window, actions and rollbacks, and their incidents by category. */
async function loadLoopInputs(ctx: MemberContext, scope: PilotScope): Promise<LoopPilotInput[]> {
  const base = loopPilots(ctx, scope);
  const [rows, incidentRows] = await Promise.all([
    db
      .with(base)
      .select({
        pilotId: base.pilotId,
        useCaseId: base.useCaseId,
        useCaseName: base.useCaseName,
        stage: base.stage,
        status: base.status,
        assessmentId: base.assessmentId,
        overall: base.overall,
        band: base.band,
        confidence: base.confidence,
        submittedMs: epochMs(base.submittedAt),
        dims: base.dims,
        sinceMs: epochMs(base.since),
        // By pilot alone (the pilots are the organisation's): filtering by the organisation
        // too leads the planner to scan the whole organisation's rows once per pilot.
        actions: sql<string>`(
          select coalesce(sum(r.attempted), 0)::text from ${runMetrics} r
          where r.pilot_id = ${base.pilotId}
            and r.period_start >= (${base.since} at time zone 'UTC')::date
        )`,
        rollbacks: sql<number>`(
          select count(*)::int from ${pilotTransitions} t
          where t.pilot_id = ${base.pilotId}
            and t.kind = 'rollback' and t.created_at >= ${base.since}
        )`,
      })
      .from(base)
      .orderBy(base.useCaseName),
    db
      .with(base)
      .select({
        pilotId: base.pilotId,
        category: incidents.category,
        count: sql<number>`count(*)::int`,
        cost: sql<string>`coalesce(sum(${incidents.costEstimate}), 0)::text`,
        // From the assessment's register, or added before the incident started.
        onRegister: sql<number>`count(*) filter (where ${pilotAssumptions.id} is not null and (
          ${pilotAssumptions.questionId} is not null or ${pilotAssumptions.createdAt} <= ${incidents.startedAt}
        ))::int`,
        writtenAfter: sql<number>`count(*) filter (where ${pilotAssumptions.id} is not null
          and ${pilotAssumptions.questionId} is null and ${pilotAssumptions.createdAt} > ${incidents.startedAt}
        )::int`,
      })
      .from(incidents)
      .innerJoin(base, eq(incidents.pilotId, base.pilotId))
      .leftJoin(
        pilotAssumptions,
        and(eq(pilotAssumptions.id, incidents.assumptionId), eq(pilotAssumptions.orgId, ctx.orgId)),
      )
      // The join to the organisation's pilots scopes the incidents (see above).
      .where(sql`${incidents.startedAt} >= ${base.since}`)
      .groupBy(base.pilotId, incidents.category),
  ]);
  const byPilot = new Map<string, LoopPilotInput["incidents"]>();
  for (const r of incidentRows) {
    const list = byPilot.get(r.pilotId) ?? [];
    list.push({
      category: r.category,
      count: Number(r.count),
      cost: Number(r.cost),
      onRegister: Number(r.onRegister),
      writtenAfter: Number(r.writtenAfter),
    });
    byPilot.set(r.pilotId, list);
  }
  return rows.map((r) => ({
    pilotId: r.pilotId,
    useCaseId: r.useCaseId,
    useCaseName: r.useCaseName,
    stage: r.stage,
    status: r.status,
    assessment: r.assessmentId
      ? {
          id: r.assessmentId,
          overall: r.overall === null ? null : Number(r.overall),
          band: r.band as Band | null,
          confidence: r.confidence === null ? null : Number(r.confidence),
          submittedAt: toDate(r.submittedMs),
        }
      : null,
    since: toDate(r.sinceMs) ?? new Date(0),
    actions: Number(r.actions),
    rollbacks: Number(r.rollbacks),
    dimensions: r.assessmentId ? dimensionsOf(r.dims) : [],
    incidents: byPilot.get(r.pilotId) ?? [],
  }));
}

/**
 * What one pilot's assessment predicted against what happened since: readiness at start
 * against incidents per 1,000 actions, cost and rollbacks; which dimensions read weak or
 * not known and the incidents in their categories; the assumption register's share.
 */
export async function getPilotLoop(ctx: MemberContext, pilotId: string): Promise<LoopDto> {
  assertCan(ctx, "pilot:read");
  assertId(pilotId, "The pilot");
  // The same for every reader; computed once per change to the organisation's data.
  return cachedForOrg(ctx, "pilot-loop", pilotId, async () => {
    const inputs = await loadLoopInputs(ctx, { pilotId });
    if (inputs.length === 0) throw notFound("The pilot");
    return buildLoop("pilot", inputs);
  });
}

/** The same across the organisation's pilots, narrowed by the dashboard's filters. */
export async function getPortfolioLoop(
  ctx: MemberContext,
  filters: LoopFilters = {},
): Promise<LoopDto> {
  assertCan(ctx, "pilot:read");
  if (filters.ownerId) assertId(filters.ownerId, "The owner");
  return buildLoop("portfolio", await loadLoopInputs(ctx, filters));
}

/**
 * The loop across the portfolio for the dashboard's filters (null for use cases not started,
 * which have no pilot), computed once per change to the organisation's data.
 */
export async function getPortfolioLoopFor(
  ctx: MemberContext,
  filters: PortfolioFilters,
  now: Date,
): Promise<LoopDto | null> {
  assertCan(ctx, "pilot:read");
  const scope = loopScopeOf(filters, now);
  if (!scope) return null;
  return cachedForOrg(ctx, "portfolio-loop", filters, () => getPortfolioLoop(ctx, scope));
}

/** How many lessons the lessons view lists at most (the most severe, then the latest). */
export const LESSONS_LIMIT = 500;

export type LessonsDto = { lessons: LessonDto[]; total: number };

/**
 * Incidents whose category tests a dimension the pilot's assessment answered well (the
 * assessment was wrong there), each with the answers to distrust. The reading of each
 * dimension is decided once, by the domain rule; the database then finds the incidents.
 */
export async function listLessons(
  ctx: MemberContext,
  filters: LoopFilters = {},
): Promise<LessonsDto> {
  assertCan(ctx, "pilot:read");
  assertCan(ctx, "incident:read");
  if (filters.ownerId) assertId(filters.ownerId, "The owner");
  const inputs = await loadLoopInputs(ctx, filters);
  const wellByPilot = new Map<
    string,
    { pilot: LoopPilotInput; dims: Map<string, LoopPilotInput["dimensions"][number]> }
  >();
  const conditions: SQL[] = [];
  for (const pilot of inputs) {
    if (!pilot.assessment) continue;
    const well = pilot.dimensions.filter((d) => readDimension(d) === "well");
    const categories = well.flatMap((d) => categoriesForDimension(d.id));
    if (categories.length === 0) continue;
    wellByPilot.set(pilot.pilotId, { pilot, dims: new Map(well.map((d) => [d.id, d])) });
    conditions.push(
      and(
        eq(incidents.pilotId, pilot.pilotId),
        inArray(incidents.category, categories),
        gte(incidents.startedAt, pilot.since),
      ) as SQL,
    );
  }
  if (conditions.length === 0) return { lessons: [], total: 0 };
  const rows = await db
    .select({
      id: incidents.id,
      title: incidents.title,
      severity: incidents.severity,
      category: incidents.category,
      startedAt: incidents.startedAt,
      costEstimate: incidents.costEstimate,
      pilotId: incidents.pilotId,
      brokenQuestionId: pilotAssumptions.questionId,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(incidents)
    .leftJoin(
      pilotAssumptions,
      and(eq(pilotAssumptions.id, incidents.assumptionId), eq(pilotAssumptions.orgId, ctx.orgId)),
    )
    .where(and(eq(incidents.orgId, ctx.orgId), or(...conditions)))
    .orderBy(incidents.severity, desc(incidents.startedAt), incidents.id)
    .limit(LESSONS_LIMIT);
  if (rows.length === 0) return { lessons: [], total: 0 };

  const assessmentIds = [
    ...new Set(rows.map((r) => wellByPilot.get(r.pilotId as string)!.pilot.assessment!.id)),
  ];
  const questionRows = await db
    .select({ id: assessments.id, questions: sql<unknown>`${assessments.result} -> 'questions'` })
    .from(assessments)
    .where(and(eq(assessments.orgId, ctx.orgId), inArray(assessments.id, assessmentIds)));
  const questionsOf = new Map(
    questionRows.map((q) => {
      const list = json(q.questions);
      return [q.id, Array.isArray(list) ? (list as FrozenQuestion[]) : []];
    }),
  );
  const lessons = rows.map((r): LessonDto => {
    const { pilot, dims } = wellByPilot.get(r.pilotId as string)!;
    const assessment = pilot.assessment!;
    const dimensionId = dimensionForCategory(r.category as IncidentCategory)!;
    const dimension = dims.get(dimensionId)!;
    const { answers, pinned } = answersBehindLesson(
      questionsOf.get(assessment.id) ?? [],
      dimensionId,
      r.brokenQuestionId,
    );
    return {
      incidentId: r.id,
      title: r.title,
      severity: r.severity as Severity,
      category: r.category,
      startedAt: r.startedAt,
      costEstimate: r.costEstimate,
      pilotId: pilot.pilotId,
      useCaseName: pilot.useCaseName,
      assessmentId: assessment.id,
      assessmentSubmittedAt: assessment.submittedAt,
      dimensionId,
      dimensionTitle: dimension.title,
      knownScore: dimension.knownScore ?? null,
      answers,
      pinned,
    };
  });
  return { lessons, total: Number(rows[0]!.total) };
}
