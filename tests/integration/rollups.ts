import { sql } from "drizzle-orm";
import { db } from "@/db";
import {
  orgRollupsFromIncidents,
  pilotRollupsFromIncidents,
  rollupsFromIncidents,
} from "@/db/queries/incident-rollups";

// The incident rollup tables as stored and as recomputed from the incidents, comparable.

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];

/** Rollup rows in a comparable form: numbers as numbers, duration lists sorted, rows sorted. */
function normalise(rows: Row[]) {
  return rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          Array.isArray(v)
            ? v.map(Number).sort((a, b) => a - b)
            : typeof v === "string" && /^\d+$/.test(v)
              ? Number(v)
              : v instanceof Date
                ? v.toISOString().slice(0, 10)
                : v,
        ]),
      ),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

// Each rollup table: the columns compared and the names of the columns of its recomputation.
const TABLES = {
  incident_daily_rollups: {
    columns:
      "org_id, day::text as day, pilot_id, stage, incidents, open, sev1, sev2, sev3, sev4, prevented, contained, customer_impact, financial_impact, by_category, cost, ttd, tta, ttm, ttr",
    recomputed: rollupsFromIncidents,
    names:
      "org_id, day, pilot_id, stage, incidents, open, sev1, sev2, sev3, sev4, prevented, contained, customer_impact, financial_impact, by_category, cost, ttd, tta, ttm, ttr",
  },
  incident_org_daily_rollups: {
    columns:
      "org_id, day::text as day, stage, incidents, open, sev1, sev2, sev3, sev4, prevented, contained, customer_impact, financial_impact, by_category, cost, ttd, tta, ttm, ttr",
    recomputed: orgRollupsFromIncidents,
    names:
      "org_id, day, stage, incidents, open, sev1, sev2, sev3, sev4, prevented, contained, customer_impact, financial_impact, by_category, cost, ttd, tta, ttm, ttr",
  },
  incident_pilot_rollups: {
    columns: "org_id, pilot_id, incidents, open, ttr",
    recomputed: pilotRollupsFromIncidents,
    names: "org_id, pilot_id, incidents, open, ttr",
  },
} as const;
const TABLE_NAMES = Object.keys(TABLES) as (keyof typeof TABLES)[];

/** The rows of every rollup table of the organisation, by table. */
export async function storedRollups(orgId: string) {
  const out: Record<string, Row[]> = {};
  for (const table of TABLE_NAMES) {
    out[table] = normalise(
      rowsOf(
        await db.execute(
          sql`select ${sql.raw(TABLES[table].columns)} from ${sql.raw(table)} where org_id = ${orgId}`,
        ),
      ),
    );
  }
  return out;
}

/** The rows every rollup table would have if computed from the incidents now. */
export async function recomputedRollups(orgId: string) {
  const out: Record<string, Row[]> = {};
  for (const table of TABLE_NAMES) {
    const { columns, recomputed, names } = TABLES[table];
    out[table] = normalise(
      rowsOf(
        await db.execute(
          sql`select ${sql.raw(columns)} from (${recomputed(sql`i.org_id = ${orgId}`)}) as x(${sql.raw(names)})`,
        ),
      ),
    );
  }
  return out;
}
