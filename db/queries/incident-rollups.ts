import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { incidentDailyRollups } from "@/db/schema";
import { INCIDENT_CATEGORIES } from "@/lib/domain/incidents";
import { assertId } from "@/lib/errors";
import { type IncidentFilters, pilotScope } from "./internal/incidents";

// Daily incident rollups (table incident_daily_rollups): one row per organisation, pilot, UTC
// day of the start and stage at the time. Every write of an incident takes its old values out
// of its row and adds its new ones, in the writer's transaction. Increments go through
// INSERT … ON CONFLICT DO UPDATE and UPDATE … SET n = n - 1, so concurrent writers to the same
// row wait for each other's row lock instead of overwriting each other. Durations are kept as
// each incident's value in minutes (the same expression the metrics used on the raw incidents)
// so medians and percentiles computed from the rollups are exactly those of the incidents.

/** Minutes between two timestamps, exactly as the metrics computed them from incidents. */
const minutes = (from: string, to: string) =>
  `date_part('epoch', i.${to} - i.${from}) / 60.0::float8`;

const DURATIONS = {
  ttd: minutes("started_at", "detected_at"),
  tta: minutes("detected_at", "acknowledged_at"),
  ttm: minutes("detected_at", "mitigated_at"),
  ttr: minutes("detected_at", "resolved_at"),
} as const;
const DURATION_KEYS = Object.keys(DURATIONS) as (keyof typeof DURATIONS)[];

const COUNTS = {
  open: "i.resolved_at is null",
  sev1: "i.severity = 'sev1'",
  sev2: "i.severity = 'sev2'",
  sev3: "i.severity = 'sev3'",
  sev4: "i.severity = 'sev4'",
  prevented: "i.outcome = 'prevented'",
  contained: "i.outcome = 'contained'",
  customer_impact: "i.outcome = 'customer_impact'",
  financial_impact: "i.outcome = 'financial_impact'",
} as const;
const COUNT_KEYS = Object.keys(COUNTS) as (keyof typeof COUNTS)[];

const KEY = "org_id, day, pilot_id, stage";
const COLUMNS = `${KEY}, incidents, ${COUNT_KEYS.join(", ")}, by_category, cost, ${DURATION_KEYS.join(", ")}`;
const DAY = "(i.started_at at time zone 'UTC')::date";

/** One incident's contribution to its rollup row (incidents aliased `i`). */
const ONE = [
  `i.org_id, ${DAY}, i.pilot_id, i.stage, 1`,
  ...COUNT_KEYS.map((k) => `(${COUNTS[k]})::int`),
  `array[${INCIDENT_CATEGORIES.map((c) => `(i.category = '${c}')::int`).join(", ")}]`,
  "coalesce(i.cost_estimate, 0)",
  ...DURATION_KEYS.map((k) => `array_remove(array[${DURATIONS[k]}], null)`),
].join(", ");

/** The rollup rows of many incidents (grouped by the key). */
const MANY = [
  `i.org_id, ${DAY}, i.pilot_id, i.stage, count(*)::int`,
  ...COUNT_KEYS.map((k) => `count(*) filter (where ${COUNTS[k]})::int`),
  `array[${INCIDENT_CATEGORIES.map((c) => `count(*) filter (where i.category = '${c}')::int`).join(", ")}]`,
  "coalesce(sum(i.cost_estimate), 0)",
  ...DURATION_KEYS.map(
    (k) => `coalesce(array_agg(${DURATIONS[k]}) filter (where ${DURATIONS[k]} is not null), '{}')`,
  ),
].join(", ");

const ADD_ON_CONFLICT = [
  "incidents = r.incidents + excluded.incidents",
  ...COUNT_KEYS.map((k) => `${k} = r.${k} + excluded.${k}`),
  `by_category = array[${INCIDENT_CATEGORIES.map((_, n) => `r.by_category[${n + 1}] + excluded.by_category[${n + 1}]`).join(", ")}]`,
  "cost = r.cost + excluded.cost",
  ...DURATION_KEYS.map((k) => `${k} = r.${k} || excluded.${k}`),
].join(", ");

/** `a` without one element equal to `v` (the first), or `a` itself when `v` is null or absent. */
const withoutOne = (a: string, v: string) =>
  `coalesce(${a}[:array_position(${a}, ${v}) - 1] || ${a}[array_position(${a}, ${v}) + 1:], ${a})`;

const SUBTRACT = [
  "incidents = r.incidents - 1",
  ...COUNT_KEYS.map((k) => `${k} = r.${k} - (${COUNTS[k]})::int`),
  `by_category = array[${INCIDENT_CATEGORIES.map((c, n) => `r.by_category[${n + 1}] - (i.category = '${c}')::int`).join(", ")}]`,
  "cost = r.cost - coalesce(i.cost_estimate, 0)",
  ...DURATION_KEYS.map((k) => `${k} = ${withoutOne(`r.${k}`, DURATIONS[k])}`),
].join(", ");

const SAME_ROW =
  "r.org_id = i.org_id and r.day = " +
  DAY +
  " and r.pilot_id is not distinct from i.pilot_id and r.stage is not distinct from i.stage";

/** Adds an incident, as it now is in the incidents table, to its rollup row. */
export async function addIncidentToRollups(tx: Executor, incidentId: string): Promise<void> {
  await tx.execute(sql`
    insert into incident_daily_rollups as r (${sql.raw(COLUMNS)})
    select ${sql.raw(ONE)} from incidents i where i.id = ${incidentId}
    on conflict (${sql.raw(KEY)}) do update set ${sql.raw(ADD_ON_CONFLICT)}`);
}

/**
 * Adds many new incidents of an organisation, as they now are in the incidents table, to their
 * rollup rows: grouped by the rollup key first, one upsert per row. Rows are taken in key
 * order so concurrent batches lock shared rows in the same order.
 */
export async function addIncidentsToRollups(
  tx: Executor,
  orgId: string,
  incidentIds: string[],
): Promise<void> {
  if (incidentIds.length === 0) return;
  const ids = sql.join(
    incidentIds.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into incident_daily_rollups as r (${sql.raw(COLUMNS)})
    ${rollupsFromIncidents(sql`i.org_id = ${orgId} and i.id in (${ids})`)}
    order by 1, 2, 3, 4
    on conflict (${sql.raw(KEY)}) do update set ${sql.raw(ADD_ON_CONFLICT)}`);
}

/**
 * Takes an incident, as it now is in the incidents table, out of its rollup row (before it is
 * changed); locks the incident row first so two writers of one incident take turns.
 */
export async function removeIncidentFromRollups(tx: Executor, incidentId: string): Promise<void> {
  await tx.execute(sql`select 1 from incidents where id = ${incidentId} for update`);
  await tx.execute(sql`
    update incident_daily_rollups r set ${sql.raw(SUBTRACT)}
    from incidents i where i.id = ${incidentId} and ${sql.raw(SAME_ROW)}`);
  await tx.execute(sql`
    delete from incident_daily_rollups r using incidents i
    where i.id = ${incidentId} and ${sql.raw(SAME_ROW)} and r.incidents <= 0`);
}

/** The rollup rows computed from scratch from the incidents matching `where` (alias `i`). */
export const rollupsFromIncidents = (where: SQL) =>
  sql`select ${sql.raw(MANY)} from incidents i where ${where} group by i.org_id, ${sql.raw(DAY)}, i.pilot_id, i.stage`;

/**
 * Recomputes an organisation's rollups from its incidents: for loaders that insert incidents
 * in bulk (organisation import, the large-organisation generator, benchmarks) instead of
 * through the incident write functions. Run it in the loader's transaction.
 */
export async function rebuildIncidentRollups(tx: Executor, orgId: string): Promise<void> {
  assertId(orgId, "The organisation");
  await tx.execute(sql`delete from incident_daily_rollups where org_id = ${orgId}`);
  await tx.execute(sql`
    insert into incident_daily_rollups (${sql.raw(COLUMNS)})
    ${rollupsFromIncidents(sql`i.org_id = ${orgId}`)}`);
}

const isMidnightUtc = (d: Date | undefined) => !d || d.getTime() % 86_400_000 === 0;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Whether the daily rollups hold exactly the incidents these filters pick: they know the
 * pilot (so its owner and current stage), the day and the stage at the time, but not words
 * nor times within a day.
 */
export function rollupsCover(filters: IncidentFilters): boolean {
  return !filters.q?.trim() && isMidnightUtc(filters.from) && isMidnightUtc(filters.to);
}

/** The condition on rollup rows for the filters' pilot, owner, stage and days (see rollupsCover). */
export function rollupWhere(orgId: string, filters: IncidentFilters): SQL | undefined {
  const R = incidentDailyRollups;
  return and(
    eq(R.orgId, orgId),
    filters.pilotId ? eq(R.pilotId, filters.pilotId) : undefined,
    filters.from ? gte(R.day, utcDay(filters.from)) : undefined,
    filters.to ? lt(R.day, utcDay(filters.to)) : undefined,
    pilotScope(orgId, R.pilotId, filters),
  );
}

/**
 * How many incidents match, summed from the daily rollups instead of counting the incidents,
 * or null when the rollups cannot tell: words, times within a day, or more than one of
 * severity, category, outcome and status (the rollups count each on its own).
 */
export async function countIncidentsFromRollups(
  orgId: string,
  filters: IncidentFilters,
): Promise<number | null> {
  const R = incidentDailyRollups;
  const picked = [filters.severity, filters.category, filters.outcome, filters.status].filter(
    Boolean,
  );
  if (!rollupsCover(filters) || picked.length > 1) return null;
  const column = filters.severity
    ? R[filters.severity]
    : filters.outcome
      ? {
          prevented: R.prevented,
          contained: R.contained,
          customer_impact: R.customerImpact,
          financial_impact: R.financialImpact,
        }[filters.outcome]
      : filters.category
        ? sql`${R.byCategory}[${INCIDENT_CATEGORIES.indexOf(filters.category) + 1}]`
        : filters.status === "open"
          ? R.open
          : filters.status === "resolved"
            ? sql`${R.incidents} - ${R.open}`
            : R.incidents;
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${column}), 0)::int` })
    .from(R)
    .where(rollupWhere(orgId, filters));
  return row?.n ?? 0;
}
