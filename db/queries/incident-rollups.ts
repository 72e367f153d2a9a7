import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { incidentDailyRollups, incidentOrgDailyRollups } from "@/db/schema";
import { INCIDENT_CATEGORIES } from "@/lib/domain/incidents";
import { assertId } from "@/lib/errors";
import { type IncidentFilters, pilotScope } from "./internal/incidents";

// Incident rollups, three tables kept by the same functions: incident_daily_rollups (one row
// per organisation, pilot, UTC day of the start and stage at the time), incident_org_daily_rollups
// (the same summed over pilots: whole-organisation reads) and incident_pilot_rollups (each
// pilot's count, open incidents and times to resolve of all time). Every write of an incident takes its old values out
// of its rows and adds its new ones, in the writer's transaction. Increments go through
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

const DAY = "(i.started_at at time zone 'UTC')::date";

/**
 * One rollup table: its key columns (with the expression giving each from an incident `i`),
 * the counts it keeps (see COUNTS) and the durations (see DURATIONS).
 */
type Rollup = {
  table: string;
  key: [column: string, expression: string][];
  counts: readonly (keyof typeof COUNTS)[];
  byCategory: boolean;
  cost: boolean;
  durations: readonly (keyof typeof DURATIONS)[];
};

const ROLLUPS: Rollup[] = [
  {
    table: "incident_daily_rollups",
    key: [
      ["org_id", "i.org_id"],
      ["day", DAY],
      ["pilot_id", "i.pilot_id"],
      ["stage", "i.stage"],
    ],
    counts: COUNT_KEYS,
    byCategory: true,
    cost: true,
    durations: DURATION_KEYS,
  },
  {
    // The organisation's days summed over pilots: whole-organisation reads.
    table: "incident_org_daily_rollups",
    key: [
      ["org_id", "i.org_id"],
      ["day", DAY],
      ["stage", "i.stage"],
    ],
    counts: COUNT_KEYS,
    byCategory: true,
    cost: true,
    durations: DURATION_KEYS,
  },
  {
    // Each pilot of all time: the by-pilot breakdown without a date range.
    table: "incident_pilot_rollups",
    key: [
      ["org_id", "i.org_id"],
      ["pilot_id", "i.pilot_id"],
    ],
    counts: ["open"],
    byCategory: false,
    cost: false,
    durations: ["ttr"],
  },
];

const categories = (each: (c: string, n: number) => string) =>
  `array[${INCIDENT_CATEGORIES.map(each).join(", ")}]`;

/** The column list of a rollup table, in the order of one() and many(). */
const columns = (r: Rollup) =>
  [
    ...r.key.map(([c]) => c),
    "incidents",
    ...r.counts,
    ...(r.byCategory ? ["by_category"] : []),
    ...(r.cost ? ["cost"] : []),
    ...r.durations,
  ].join(", ");

/** One incident's contribution to its rollup row (incidents aliased `i`). */
const one = (r: Rollup) =>
  [
    ...r.key.map(([, e]) => e),
    "1",
    ...r.counts.map((k) => `(${COUNTS[k]})::int`),
    ...(r.byCategory ? [categories((c) => `(i.category = '${c}')::int`)] : []),
    ...(r.cost ? ["coalesce(i.cost_estimate, 0)"] : []),
    ...r.durations.map((k) => `array_remove(array[${DURATIONS[k]}], null)`),
  ].join(", ");

/** The rollup rows of many incidents (grouped by the key). */
const many = (r: Rollup) =>
  [
    ...r.key.map(([, e]) => e),
    "count(*)::int",
    ...r.counts.map((k) => `count(*) filter (where ${COUNTS[k]})::int`),
    ...(r.byCategory
      ? [categories((c) => `count(*) filter (where i.category = '${c}')::int`)]
      : []),
    ...(r.cost ? ["coalesce(sum(i.cost_estimate), 0)"] : []),
    ...r.durations.map(
      (k) =>
        `coalesce(array_agg(${DURATIONS[k]}) filter (where ${DURATIONS[k]} is not null), '{}')`,
    ),
  ].join(", ");

const addOnConflict = (r: Rollup) =>
  [
    "incidents = r.incidents + excluded.incidents",
    ...r.counts.map((k) => `${k} = r.${k} + excluded.${k}`),
    ...(r.byCategory
      ? [
          `by_category = ${categories((_, n) => `r.by_category[${n + 1}] + excluded.by_category[${n + 1}]`)}`,
        ]
      : []),
    ...(r.cost ? ["cost = r.cost + excluded.cost"] : []),
    ...r.durations.map((k) => `${k} = r.${k} || excluded.${k}`),
  ].join(", ");

/** `a` without one element equal to `v` (the first), or `a` itself when `v` is null or absent. */
const withoutOne = (a: string, v: string) =>
  `coalesce(${a}[:array_position(${a}, ${v}) - 1] || ${a}[array_position(${a}, ${v}) + 1:], ${a})`;

const subtract = (r: Rollup) =>
  [
    "incidents = r.incidents - 1",
    ...r.counts.map((k) => `${k} = r.${k} - (${COUNTS[k]})::int`),
    ...(r.byCategory
      ? [
          `by_category = ${categories((c, n) => `r.by_category[${n + 1}] - (i.category = '${c}')::int`)}`,
        ]
      : []),
    ...(r.cost ? ["cost = r.cost - coalesce(i.cost_estimate, 0)"] : []),
    ...r.durations.map((k) => `${k} = ${withoutOne(`r.${k}`, DURATIONS[k])}`),
  ].join(", ");

type RowKey = { org_id: string; day: string; pilot_id: string | null; stage: string | null };

/** The condition picking an incident's row of a rollup table (`=` or `is null`, both indexed). */
const sameRow = (r: Rollup, key: RowKey) =>
  sql.join(
    r.key.map(([c]) => {
      const v = key[c as keyof RowKey];
      return v === null ? sql`r.${sql.raw(c)} is null` : sql`r.${sql.raw(c)} = ${v}`;
    }),
    sql` and `,
  );

/**
 * Adds an incident, as it now is in the incidents table, to its rollup rows: its pilot's day,
 * its organisation's day and its pilot's total.
 */
export async function addIncidentToRollups(tx: Executor, incidentId: string): Promise<void> {
  for (const r of ROLLUPS) {
    await tx.execute(sql`
      insert into ${sql.raw(r.table)} as r (${sql.raw(columns(r))})
      select ${sql.raw(one(r))} from incidents i where i.id = ${incidentId}
      on conflict (${sql.raw(r.key.map(([c]) => c).join(", "))}) do update set ${sql.raw(addOnConflict(r))}`);
  }
}

/**
 * Adds many new incidents of an organisation, as they now are in the incidents table, to their
 * rollup rows in each table: grouped by the row's key first, one upsert per row. Rows are taken
 * in key order, and the tables in the same order as addIncidentToRollups, so concurrent writers
 * lock shared rows in the same order.
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
  for (const r of ROLLUPS) {
    const keyColumns = r.key.map(([c]) => c).join(", ");
    await tx.execute(sql`
      insert into ${sql.raw(r.table)} as r (${sql.raw(columns(r))})
      ${rowsFromIncidents(r, sql`i.org_id = ${orgId} and i.id in (${ids})`)}
      order by ${sql.raw(r.key.map((_, n) => String(n + 1)).join(", "))}
      on conflict (${sql.raw(keyColumns)}) do update set ${sql.raw(addOnConflict(r))}`);
  }
}

/**
 * Takes an incident, as it now is in the incidents table, out of its rollup rows (before it is
 * changed); locks the incident row first so two writers of one incident take turns.
 */
export async function removeIncidentFromRollups(tx: Executor, incidentId: string): Promise<void> {
  const [key] = rowsOf<RowKey>(
    await tx.execute(sql`
      select i.org_id, to_char(${sql.raw(DAY)}, 'YYYY-MM-DD') as day, i.pilot_id, i.stage::text as stage
      from incidents i where i.id = ${incidentId} for update`),
  );
  if (!key) return;
  for (const r of ROLLUPS) {
    await tx.execute(sql`
      update ${sql.raw(r.table)} r set ${sql.raw(subtract(r))}
      from incidents i where i.id = ${incidentId} and ${sameRow(r, key)}`);
    await tx.execute(sql`
      delete from ${sql.raw(r.table)} r where ${sameRow(r, key)} and r.incidents <= 0`);
  }
}

/** Rows of db.execute: an array on PostgreSQL, `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const [PILOT_DAYS, ORG_DAYS, PILOT_TOTALS] = ROLLUPS as [Rollup, Rollup, Rollup];

/** The rows of a rollup table computed from scratch from the incidents matching `where` (alias `i`). */
const rowsFromIncidents = (r: Rollup, where: SQL) =>
  sql`select ${sql.raw(many(r))} from incidents i where ${where} group by ${sql.raw(r.key.map(([, e]) => e).join(", "))}`;

/** The daily rollup rows computed from scratch from the incidents matching `where` (alias `i`). */
export const rollupsFromIncidents = (where: SQL) => rowsFromIncidents(PILOT_DAYS, where);
/** The organisation's daily rollup rows computed from scratch (see rollupsFromIncidents). */
export const orgRollupsFromIncidents = (where: SQL) => rowsFromIncidents(ORG_DAYS, where);
/** The pilots' all-time rollup rows computed from scratch (see rollupsFromIncidents). */
export const pilotRollupsFromIncidents = (where: SQL) => rowsFromIncidents(PILOT_TOTALS, where);

/**
 * Recomputes an organisation's rollups from its incidents: for loaders that insert incidents
 * in bulk (organisation import, the large-organisation generator, benchmarks) instead of
 * through the incident write functions. Run it in the loader's transaction.
 */
export async function rebuildIncidentRollups(tx: Executor, orgId: string): Promise<void> {
  assertId(orgId, "The organisation");
  for (const r of ROLLUPS) {
    await tx.execute(sql`delete from ${sql.raw(r.table)} where org_id = ${orgId}`);
    await tx.execute(sql`
      insert into ${sql.raw(r.table)} (${sql.raw(columns(r))})
      ${rowsFromIncidents(r, sql`i.org_id = ${orgId}`)}`);
  }
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
 * The daily rollup table answering these filters and the condition on its rows: the
 * organisation's days (summed over pilots, a fraction of the rows) when the filters pick no
 * pilot, owner or current stage, else the pilots' days. Both tables have the same columns but
 * the pilot, so the organisation's is typed as the pilots' one.
 */
export function dailyRollups(
  orgId: string,
  filters: IncidentFilters,
): { R: typeof incidentDailyRollups; where: SQL | undefined; wholeOrg: boolean } {
  const wholeOrg = !filters.pilotId && !filters.ownerId && !filters.pilotStage;
  if (!wholeOrg) return { R: incidentDailyRollups, where: rollupWhere(orgId, filters), wholeOrg };
  const O = incidentOrgDailyRollups;
  return {
    R: O as unknown as typeof incidentDailyRollups,
    where: and(
      eq(O.orgId, orgId),
      filters.from ? gte(O.day, utcDay(filters.from)) : undefined,
      filters.to ? lt(O.day, utcDay(filters.to)) : undefined,
    ),
    wholeOrg,
  };
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
  const { R, where } = dailyRollups(orgId, filters);
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
    .where(where);
  return row?.n ?? 0;
}
