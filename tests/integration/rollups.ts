import { sql } from "drizzle-orm";
import { db } from "@/db";
import { rollupsFromIncidents } from "@/db/queries/incident-rollups";

// The daily incident rollups as stored and as recomputed from the incidents, comparable.

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

const COLUMNS = sql.raw(
  "org_id, day::text as day, pilot_id, stage, incidents, open, sev1, sev2, sev3, sev4, prevented, contained, customer_impact, financial_impact, by_category, cost, ttd, tta, ttm, ttr",
);

/** The organisation's rollup rows as stored. */
export async function storedRollups(orgId: string) {
  return normalise(
    rowsOf(
      await db.execute(sql`select ${COLUMNS} from incident_daily_rollups where org_id = ${orgId}`),
    ),
  );
}

/** The organisation's rollup rows recomputed from its incidents. */
export async function recomputedRollups(orgId: string) {
  return normalise(
    rowsOf(
      await db.execute(
        sql`select ${COLUMNS} from (${rollupsFromIncidents(sql`i.org_id = ${orgId}`)}) as x(org_id, day, pilot_id, stage, incidents, open, sev1, sev2, sev3, sev4, prevented, contained, customer_impact, financial_impact, by_category, cost, ttd, tta, ttm, ttr)`,
      ),
    ),
  );
}
