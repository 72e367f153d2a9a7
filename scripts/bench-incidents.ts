// Measures the incident list, export and metrics queries on a large organisation.
//
//   npm run bench:incidents                       # 100,000 incidents in a throwaway PGlite
//   npm run bench:incidents -- --count 20000      # fewer
//   npm run bench:incidents -- --postgres postgres://postgres@127.0.0.1:5432/test
//                                                 # in a throwaway database on that server
//   npm run bench:incidents -- --postgres <url> --prefix my_bench
//                                                 # names the throwaway database my_bench_<random>
//   npm run bench:incidents -- --org large        # the metrics of an existing organisation in
//                                                 # the app's database (DATABASE_URL or PGlite),
//                                                 # read only, e.g. one from npm run seed:large
//
// Without --org it never touches the app's own data: PGlite runs in a temporary directory and
// PostgreSQL in a database created for the run and dropped afterwards.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { STAGES } from "@/lib/domain/stages";
import { loadEnv, parseArgs } from "./lib/cli";
import { throwawayPostgres } from "./lib/server";

const args = parseArgs();
const count = Number(args.count ?? 100_000);
if (!Number.isInteger(count) || count < 1) throw new Error("--count takes a whole number");
const base = typeof args.postgres === "string" ? args.postgres : null;
const orgSlug = typeof args.org === "string" ? args.org : null;
const repeat = Number(args.repeat ?? 7);

let cleanup: () => Promise<void>;
if (orgSlug) {
  loadEnv();
  cleanup = async () => {};
} else if (base) {
  const prefix = typeof args.prefix === "string" ? args.prefix : "preflight_bench";
  const throwaway = await throwawayPostgres(base, prefix);
  process.env.DATABASE_URL = throwaway.url;
  cleanup = throwaway.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-bench-"));
  delete process.env.DATABASE_URL;
  process.env.PREFLIGHT_DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

// The database module reads its configuration when first imported.
const { closeDatabase, databaseKind, db, migrateDatabase } = await import("@/db");
const { sql } = await import("drizzle-orm");
const { createOrganisation, memberContext } = await import("@/db/queries/organisations");
const { createUser } = await import("@/db/queries/users");
const { createUseCase } = await import("@/db/queries/use-cases");
const { listIncidents } = await import("@/db/queries/incidents");
const { getIncidentMetrics } = await import("@/db/queries/incident-metrics");
const { rebuildIncidentRollups } = await import("@/db/queries/incident-rollups");
const { pilots } = await import("@/db/schema");

const STAGES_IN_PILOT = STAGES.slice(1); // every stage after "proposed"

async function time(label: string, run: () => Promise<unknown>, times = repeat) {
  await run(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(
    `${label.padEnd(58)} ${median.toFixed(1).padStart(8)} ms median  ${ms.at(-1)!.toFixed(1).padStart(8)} ms worst`,
  );
}

/** The metrics of an existing organisation, read by its first owner. */
async function benchOrganisation(slug: string) {
  const { memberships, organisations, users } = await import("@/db/schema");
  const { and, asc, count, desc, eq } = await import("drizzle-orm");
  const [owner] = await db
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(organisations.slug, slug), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.createdAt))
    .limit(1);
  if (!owner) throw new Error(`No organisation "${slug}" with an owner.`);
  const ctx = await memberContext(owner, slug);
  if (!ctx) throw new Error("no member context");
  const { incidents } = await import("@/db/schema");
  const [busiest] = await db
    .select({ pilotId: incidents.pilotId, n: count() })
    .from(incidents)
    .where(eq(incidents.orgId, ctx.orgId))
    .groupBy(incidents.pilotId)
    .orderBy(desc(count()))
    .limit(1);
  const [byOwner] = await db
    .select({ ownerId: pilots.ownerId, n: count() })
    .from(pilots)
    .where(eq(pilots.orgId, ctx.orgId))
    .groupBy(pilots.ownerId)
    .orderBy(desc(count()))
    .limit(1);
  const [byStage] = await db
    .select({ stage: pilots.stage, n: count() })
    .from(pilots)
    .where(eq(pilots.orgId, ctx.orgId))
    .groupBy(pilots.stage)
    .orderBy(desc(count()))
    .limit(1);
  const [{ n: total } = { n: 0 }] = await db
    .select({ n: count() })
    .from(incidents)
    .where(eq(incidents.orgId, ctx.orgId));
  console.log(
    `Database: ${databaseKind()}. Organisation "${slug}": ${total.toLocaleString("en-GB")} incidents.\n`,
  );
  await time("Metrics: whole organisation by month", () => getIncidentMetrics(ctx, {}, "month"));
  await time("Metrics: whole organisation by week", () => getIncidentMetrics(ctx, {}, "week"));
  if (byOwner?.ownerId) {
    const ownerId = byOwner.ownerId;
    await time(`Metrics: one owner's pilots (${byOwner.n}) by week`, () =>
      getIncidentMetrics(ctx, { ownerId }, "week"),
    );
  }
  if (byStage) {
    const pilotStage = byStage.stage;
    await time(`Metrics: pilots now in ${pilotStage} (${byStage.n}) by week`, () =>
      getIncidentMetrics(ctx, { pilotStage }, "week"),
    );
  }
  if (busiest?.pilotId) {
    const pilotId = busiest.pilotId;
    await time(`Metrics: the busiest pilot (${busiest.n} incidents) by week`, () =>
      getIncidentMetrics(ctx, { pilotId }, "week"),
    );
    await time("List: the busiest pilot, first page, with total", () =>
      listIncidents(ctx, { pilotId }),
    );
  }
  await time("List: first page of 50, with total", () => listIncidents(ctx, {}));
  await time("List: first page, Sev1 + integration failure", () =>
    listIncidents(ctx, { severity: "sev1", category: "integration_failure" }),
  );
}

try {
  if (orgSlug) await benchOrganisation(orgSlug);
  else await loadAndBench();
} finally {
  await closeDatabase();
  await cleanup();
}

/** Loads a throwaway organisation of `count` incidents and times its lists and metrics. */
async function loadAndBench() {
  await migrateDatabase();
  console.log(`Database: ${databaseKind()}. Loading ${count.toLocaleString("en-GB")} incidents…`);
  const loadStarted = performance.now();
  const user = await createUser(db, {
    email: `bench-${randomBytes(3).toString("hex")}@example.com`,
    name: "Bench Owner",
    passwordHash: null,
  });
  if (!user) throw new Error("no user");
  const org = await db.transaction((tx) =>
    createOrganisation(
      tx,
      { type: "system", label: "benchmark" },
      { name: "Bench", ownerUserId: user.id },
    ),
  );
  const ctx = await memberContext(user, org.slug);
  if (!ctx) throw new Error("no member context");
  // Ten pilots; incidents and a year of daily run metrics are generated in SQL.
  const pilotIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const useCase = await createUseCase(ctx, {
      name: `Workflow ${i + 1}`,
      description: "",
      ownerId: null,
      businessValue: 3,
      annualValue: null,
      systems: [],
      status: "piloting",
    });
    const [pilot] = await db
      .insert(pilots)
      .values({
        orgId: ctx.orgId,
        useCaseId: useCase.id,
        stage: STAGES_IN_PILOT[i % STAGES_IN_PILOT.length]!,
        startDate: "2025-11-01",
        rollbackPlan: "Flag off",
      })
      .returning({ id: pilots.id });
    pilotIds.push(pilot!.id);
  }
  const ids = sql.raw(`array[${pilotIds.map((id) => `'${id}'::uuid`).join(",")}]`);
  const batch = 20_000;
  for (let from = 1; from <= count; from += batch) {
    const to = Math.min(count, from + batch - 1);
    await db.execute(sql`
      insert into incidents (org_id, pilot_id, title, description, severity, category,
        detection_source, outcome, stage, started_at, detected_at, acknowledged_at, mitigated_at,
        resolved_at, cost_estimate, actions)
      select ${ctx.orgId}, (${ids})[1 + i % 10],
        (array['Ticketing API timed out','Wrong category on a batch','Stale order status',
          'Record matched to the wrong customer','Batch stopped halfway'])[1 + i % 5] || ' #' || i,
        'Generated for the benchmark.',
        (array['sev1','sev2','sev3','sev4'])[1 + (i * 7) % 4]::severity,
        (array['stale_data','identity_mismatch','permission_overreach','integration_failure',
          'partial_failure','incorrect_output','approval_bypass','escalation_mishandled',
          'other'])[1 + (i * 13) % 9]::incident_category,
        (array['automated_check','human_reviewer','customer','audit'])[1 + (i * 3) % 4]::detection_source,
        (array['prevented','contained','customer_impact','financial_impact'])[1 + (i * 11) % 4]::incident_outcome,
        (array['sandbox','shadow','supervised','limited_production','production'])[1 + i % 5]::stage,
        t, t + interval '20 minutes' * (1 + i % 9), t + interval '30 minutes' * (1 + i % 9),
        t + interval '90 minutes' * (1 + i % 9),
        case when i % 50 = 0 then null else t + interval '6 hours' * (1 + i % 7) end,
        case when i % 3 = 0 then null else (i % 5000) end,
        '["fix"]'::jsonb
      from (
        select i, now() - interval '365 days' * (i::float8 / ${count}) as t
        from generate_series(${from}::int, ${to}::int) as i
      ) g`);
  }
  await db.execute(sql`
    insert into run_metrics (org_id, pilot_id, period, period_start, stage, attempted, correct,
      overrides, escalations, source)
    select ${ctx.orgId}, p, 'day', d::date,
      (array['sandbox','shadow','supervised','limited_production','production'])[
        1 + (extract(doy from d)::int / 73) % 5]::stage,
      1000, 970, 20, 5, 'api'
    from unnest(${ids}) as p,
      generate_series(current_date - 365, current_date, interval '1 day') as d`);
  // Loaded in bulk, not through the write functions: the daily rollups are rebuilt once.
  const rollupsStarted = performance.now();
  await db.transaction((tx) => rebuildIncidentRollups(tx, ctx.orgId));
  console.log(`Rollups rebuilt in ${(performance.now() - rollupsStarted).toFixed(0)} ms.`);
  await db.execute(sql`analyze`);
  console.log(`Loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s.\n`);

  const pilotId = pilotIds[3]!;
  const lastQuarter = new Date(Date.now() - 90 * 86_400_000);
  await time("List: first page of 50, with total", () => listIncidents(ctx, {}));
  await time("List: first page, Sev1 + integration failure", () =>
    listIncidents(ctx, { severity: "sev1", category: "integration_failure" }),
  );
  await time("List: one pilot, last quarter, open", () =>
    listIncidents(ctx, { pilotId, from: lastQuarter, status: "open" }),
  );
  await time("List: search “#77123” (one match)", () => listIncidents(ctx, { q: "#77123" }));
  await time("List: search “wrong customer” (a fifth of all)", () =>
    listIncidents(ctx, { q: "wrong customer" }),
  );
  let cursor: string | undefined;
  for (let page = 0; page < 200; page++) {
    const next = (await listIncidents(ctx, {}, { cursor, withTotal: false })).nextCursor;
    if (!next) break;
    cursor = next;
  }
  await time("List: a page 200 pages deep (cursor), no total", () =>
    listIncidents(ctx, {}, { cursor, withTotal: false }),
  );
  await time(
    "Export: every Sev2 incident, pages of 500",
    async () => {
      let at: string | undefined;
      let rows = 0;
      do {
        const page = await listIncidents(
          ctx,
          { severity: "sev2" },
          { cursor: at, limit: 500, withTotal: false },
        );
        rows += page.items.length;
        at = page.nextCursor ?? undefined;
      } while (at);
      return rows;
    },
    3,
  );
  await time("Metrics: whole organisation by month", () => getIncidentMetrics(ctx, {}, "month"));
  await time("Metrics: whole organisation by week", () => getIncidentMetrics(ctx, {}, "week"));
  await time("Metrics: one pilot by week (the pilot page)", () =>
    getIncidentMetrics(ctx, { pilotId }, "week"),
  );
  const days = (n: number) => new Date(Math.floor(Date.now() / 86_400_000 - n) * 86_400_000);
  await time("Metrics: last 90 whole days, by week (rollups)", () =>
    getIncidentMetrics(ctx, { from: days(90), to: days(0) }, "week"),
  );
  await time("Metrics: whole organisation, from the incidents (no rollups)", () =>
    // A start 1 ms past the epoch is one the daily rollups cannot answer.
    getIncidentMetrics(ctx, { from: new Date(1) }, "week"),
  );
  await time("Metrics: last quarter, Sev1 only, by week", () =>
    getIncidentMetrics(ctx, { from: lastQuarter, severity: "sev1" }, "week"),
  );
}
