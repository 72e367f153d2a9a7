import { and, eq, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { databaseKind, db } from "@/db";
import { dailyRollups, rollupWhere } from "@/db/queries/incident-rollups";
import { createIncident } from "@/db/queries/incident-writes";
import { incidentPageQuery } from "@/db/queries/incidents";
import { type IncidentFilters, incidentWhere } from "@/db/queries/internal/incidents";
import {
  idempotencyKeys,
  incidentDailyRollups,
  incidentPilotRollups,
  incidents,
} from "@/db/schema";
import { makeOrg, OPEN_INCIDENT_REST, startedPilot } from "./fixtures";

// The plans of the hot incident queries on PostgreSQL: each reaches its rows through an index
// whose condition starts with the organisation (or pilot, or key), never by reading the whole
// table. Sequential scans are switched off for the EXPLAIN so that a query no index can serve
// still shows a Seq Scan, and one that an index serves shows it on any amount of data.

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** The plan of a drizzle query, from EXPLAIN (FORMAT JSON) with sequential scans off. */
async function planOf(query: SQLWrapper) {
  const result = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx.execute(sql`explain (format json) ${query}`);
  });
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];
  const json = rows[0]?.["QUERY PLAN"];
  const plan = (typeof json === "string" ? JSON.parse(json) : json) as { Plan: PlanNode }[];
  return nodesOf(plan[0]!.Plan);
}

/** Asserts that `table` is read only through an index whose condition names `column`. */
function expectIndexed(nodes: PlanNode[], table: string, column: string) {
  const onTable = nodes.filter((n) => n["Relation Name"] === table);
  const scans = nodes.filter(
    (n) =>
      n["Relation Name"] === table ||
      (n["Node Type"] === "Bitmap Index Scan" && n["Index Name"]?.startsWith(`${table}_`)),
  );
  expect(onTable.length, `${table} is read`).toBeGreaterThan(0);
  expect(
    onTable.map((n) => n["Node Type"]),
    `no sequential scan of ${table}`,
  ).not.toContain("Seq Scan");
  expect(
    scans.some((n) => n["Index Cond"]?.includes(column)),
    `an index condition on ${table}.${column}: ${JSON.stringify(scans)}`,
  ).toBe(true);
}

describe.skipIf(databaseKind() !== "postgres")("plans of the hot incident queries", () => {
  test("list pages with filters, rollup metrics and the idempotency-key look-up use indexes", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { startDate: "2026-01-01" });
    for (let i = 0; i < 5; i++) {
      await createIncident(org.ctx.contributor, i % 2 ? pilot.id : null, {
        ...OPEN_INCIDENT_REST,
        title: `Stale price ${i}`,
        description: "",
        severity: i % 2 ? "sev1" : "sev3",
        category: "stale_data",
        detectionSource: "automated_check",
        outcome: "prevented",
        startedAt: new Date(Date.UTC(2026, 5, 1 + i, 9)),
      });
    }
    await db.execute(sql`analyze incidents`);
    await db.execute(sql`analyze incident_daily_rollups`);
    await db.execute(sql`analyze incident_org_daily_rollups`);
    await db.execute(sql`analyze incident_pilot_rollups`);

    const list = (filters: IncidentFilters, cursor: { at: string; id: string } | null = null) =>
      planOf(incidentPageQuery(incidentWhere(org.orgId, filters), cursor, 51));
    expectIndexed(await list({}), "incidents", "org_id");
    expectIndexed(
      await list(
        {},
        { at: "2026-06-03T09:00:00.000000Z", id: "00000000-0000-4000-8000-000000000000" },
      ),
      "incidents",
      "org_id",
    );
    expectIndexed(await list({ severity: "sev1" }), "incidents", "org_id");
    expectIndexed(await list({ category: "stale_data" }), "incidents", "org_id");
    expectIndexed(await list({ status: "open" }), "incidents", "org_id");
    expectIndexed(await list({ pilotId: pilot.id, status: "open" }), "incidents", "pilot_id");
    expectIndexed(await list({ q: "price" }), "incidents", "org_id");

    // Counts and metrics that the rollups answer read only the organisation's rollup rows.
    const rollups = (where: SQL | undefined) =>
      planOf(
        db
          .select({ n: sql<number>`sum(${incidentDailyRollups.incidents})` })
          .from(incidentDailyRollups)
          .where(where),
      );
    expectIndexed(await rollups(rollupWhere(org.orgId, {})), "incident_daily_rollups", "org_id");
    expectIndexed(
      await rollups(rollupWhere(org.orgId, { pilotId: pilot.id })),
      "incident_daily_rollups",
      "pilot_id",
    );
    expectIndexed(
      await rollups(
        rollupWhere(org.orgId, { from: new Date("2026-06-01"), to: new Date("2026-07-01") }),
      ),
      "incident_daily_rollups",
      "day",
    );

    // Whole-organisation reads go to the organisation's days, by organisation and day.
    const orgDays = (filters: IncidentFilters) => {
      const { R, where } = dailyRollups(org.orgId, filters);
      return planOf(
        db
          .select({ n: sql<number>`sum(${R.incidents})` })
          .from(R)
          .where(where),
      );
    };
    expectIndexed(await orgDays({}), "incident_org_daily_rollups", "org_id");
    expectIndexed(
      await orgDays({ from: new Date("2026-06-01"), to: new Date("2026-07-01") }),
      "incident_org_daily_rollups",
      "day",
    );
    // An incident's row of each rollup table is found by its key (writes take it out by it).
    expectIndexed(
      await planOf(
        db
          .select({ n: incidentPilotRollups.incidents })
          .from(incidentPilotRollups)
          .where(
            and(eq(incidentPilotRollups.orgId, org.orgId), isNull(incidentPilotRollups.pilotId)),
          ),
      ),
      "incident_pilot_rollups",
      "pilot_id",
    );

    // The look-up of an Idempotency-Key that was already used.
    expectIndexed(
      await planOf(
        db
          .select({ status: idempotencyKeys.status, response: idempotencyKeys.response })
          .from(idempotencyKeys)
          .where(
            and(
              eq(idempotencyKeys.orgId, org.orgId),
              eq(idempotencyKeys.scope, `incidents:${pilot.id}`),
              eq(idempotencyKeys.key, "k-1"),
            ),
          ),
      ),
      "idempotency_keys",
      "key",
    );
  });

  test("the check fails for a query no index serves", async () => {
    const nodes = await planOf(
      db.select({ id: incidents.id }).from(incidents).where(sql`${incidents.costEstimate} > 10`),
    );
    expect(() => expectIndexed(nodes, "incidents", "cost_estimate")).toThrow();
  });
});
