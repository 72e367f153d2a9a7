// Drives a production server over HTTP with autocannon, page by page, against a static page.
//
//   npm run bench:http                                   # PGlite and PostgreSQL, demo and large org
//   npm run bench:http -- --db pglite --org demo --duration 2 --only static,dashboard --no-lighthouse
//   npm run bench:http -- --url http://127.0.0.1:3000 --email demo@example.com \
//       --password preflight-demo --org demo [--token <API token>]
//
// Writes bench/results.json; --write-readme also rewrites the table in README.md. It never
// touches the app's own data: each database is a fresh PGlite directory or a throwaway
// PostgreSQL database, dropped afterwards. Exits 0 when budgets fail (it is a benchmark) and
// prints the failing budgets at the end.
import { execSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { evaluateBudgets } from "./lib/bench-budgets";
import { runLighthouse } from "./lib/bench-lighthouse";
import { aloneLatency, type LoadRequest, load, pageWeight, settle } from "./lib/bench-load";
import { type BenchOptions, parseBenchOptions } from "./lib/bench-options";
import { failingBudgetLines, renderReadmeTable, replaceReadmeTable } from "./lib/bench-report";
import { firstOrgSlug, lookUpTargets, signIn, type TargetIds } from "./lib/bench-session";
import {
  type BenchDatabase,
  createDatabase,
  createToken,
  DEMO_ACCOUNT,
  type LargeSeed,
  runScript,
  SEED_LARGE,
  seedLarge,
  startServers,
} from "./lib/bench-setup";
import {
  type BenchResults,
  type DbKind,
  type LighthousePage,
  type LighthouseResult,
  type OrgKind,
  PAGE_TARGETS,
  type RunResult,
  type TargetName,
  type TargetResult,
} from "./lib/bench-types";
import { bin } from "./lib/server";

const root = process.cwd();
const WARM_UP_SECONDS = 2;
const log = (line: string) => console.log(line);

/** What to undo if the run is interrupted: servers to stop, databases to drop. */
const pending = new Set<() => Promise<void>>();
async function undo(step: () => Promise<void>): Promise<void> {
  pending.delete(step);
  await step();
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the servers and dropping the databases…`);
    void Promise.allSettled([...pending].map((step) => step())).then(() => process.exit(130));
  });
}

/** Everything one organisation's run needs: where, who, and what is already known. */
type OrgPlan = {
  db: DbKind;
  org: OrgKind;
  baseUrls: string[];
  email: string;
  password: string;
  token: string | null;
  known: Partial<TargetIds> & { useCaseId?: string | null; orgSlug?: string };
  seed?: RunResult["seed"];
};

type Target = { name: TargetName; request: LoadRequest };

/** Incidents in each request of the api-ingest target. */
const INGEST_BATCH = 50;

/** The targets in the order they run, or why one cannot run. */
function planTargets(
  slug: string,
  ids: Partial<TargetIds>,
  cookie: string,
  token: string | null,
): { targets: Target[]; skipped: string[] } {
  const page = (path: string): LoadRequest => ({ method: "GET", path, headers: { cookie } });
  const publicPage = (path: string): LoadRequest => ({ method: "GET", path, headers: {} });
  const bearer = token ? { authorization: `Bearer ${token}` } : null;
  const o = `/o/${slug}`;
  const skipped: string[] = [];
  const targets: Target[] = [];
  const add = (name: TargetName, request: LoadRequest | string) => {
    if (typeof request === "string") skipped.push(`${name} (${request})`);
    else targets.push({ name, request });
  };
  add("sign-in", publicPage("/sign-in"));
  add("dashboard", page(o));
  add("pilot-board", page(`${o}/pilots`));
  add("pilot-page", ids.pilotId ? page(`${o}/pilots/${ids.pilotId}`) : "no production pilot");
  add("incidents", page(`${o}/incidents?severity=sev2&status=open`));
  add(
    "results",
    ids.submittedAssessmentId
      ? page(`${o}/assessments/${ids.submittedAssessmentId}/results`)
      : "no submitted assessment",
  );
  add("workshop", ids.workshopId ? page(`${o}/workshops/${ids.workshopId}`) : "no workshop");
  add(
    "api-list",
    bearer ? { method: "GET", path: "/api/v1/pilots", headers: bearer } : "no API token",
  );
  add(
    "api-metrics",
    bearer ? { method: "GET", path: "/api/v1/metrics/incidents", headers: bearer } : "no API token",
  );
  // Monitoring sends incidents in batches: INGEST_BATCH per request, each batch under its own
  // Idempotency-Key, so every request logs new incidents rather than replaying.
  const startedAt = new Date(Date.now() - 3_600_000).toISOString();
  const incidents = Array.from({ length: INGEST_BATCH }, (_, i) => ({
    title: `Benchmark incident ${i + 1}`,
    description: "Logged by the HTTP benchmark.",
    severity: "sev4",
    category: "other",
    detectionSource: "automated_check",
    outcome: "prevented",
    startedAt,
  }));
  add(
    "api-ingest",
    !bearer
      ? "no API token"
      : !ids.ingestPilotId
        ? "no pilot to log incidents on"
        : {
            method: "POST",
            path: `/api/v1/pilots/${ids.ingestPilotId}/incidents/batch`,
            headers: { ...bearer, "content-type": "application/json" },
            body: JSON.stringify({ incidents }),
            perRequestHeaders: () => ({ "idempotency-key": randomUUID() }),
            itemsPerRequest: INGEST_BATCH,
          },
  );
  return { targets, skipped };
}

const msText = (n: number | null) => (n === null ? "–" : n.toFixed(0));

/** Warm-up, the measured window, one-at-a-time latency and, for pages, the page's weight. */
async function measure(
  target: Target,
  baseUrls: string[],
  opts: BenchOptions,
  pass?: "first" | "last",
): Promise<TargetResult> {
  const { request } = target;
  const isPage = PAGE_TARGETS.includes(target.name);
  let weight: Awaited<ReturnType<typeof pageWeight>> | null = null;
  let note: string | undefined;
  if (isPage) {
    try {
      weight = await pageWeight(baseUrls[0]!, request);
    } catch (error) {
      note = error instanceof Error ? error.message : String(error);
    }
  }
  await settle(baseUrls);
  await load(baseUrls, request, opts.connections, WARM_UP_SECONDS);
  await settle(baseUrls);
  const outcome = await load(baseUrls, request, opts.connections, opts.duration);
  await settle(baseUrls);
  const aloneMs = target.name === "api-ingest" ? null : await aloneLatency(baseUrls[0]!, request);
  const failed = outcome.non2xx > 0 || outcome.errors > 0 || outcome.requests === 0;
  const result: TargetResult = {
    name: target.name,
    ...(pass ? { pass } : {}),
    method: request.method,
    path: request.path,
    reqPerSec: outcome.reqPerSec,
    ...(request.itemsPerRequest ? { itemsPerRequest: request.itemsPerRequest } : {}),
    ratio: null,
    p50: outcome.p50,
    p95: outcome.p95,
    p99: outcome.p99,
    aloneMs,
    requests: outcome.requests,
    non2xx: outcome.non2xx,
    errors: outcome.errors,
    failed,
    htmlBytes: weight?.htmlBytes ?? null,
    htmlGzipBytes: weight?.htmlGzipBytes ?? null,
    jsGzipBytes: weight?.jsGzipBytes ?? null,
    scripts: weight?.scripts ?? null,
    instances: baseUrls.length,
    ...(note ? { note } : {}),
  };
  log(
    `  ${(pass ? `${target.name} (${pass})` : target.name).padEnd(16)} ${
      failed
        ? `FAILED: ${
            outcome.requests === 0
              ? "no request completed in the window"
              : `${outcome.non2xx} non-2xx, ${outcome.errors} errors of ${outcome.requests}`
          }`
        : `${outcome.reqPerSec.toFixed(1).padStart(7)} req/s  p50 ${msText(outcome.p50)} p95 ${msText(outcome.p95)} p99 ${msText(outcome.p99)} ms`
    }${aloneMs === null ? "" : `  alone ${aloneMs.toFixed(0)} ms`}${
      weight
        ? `  HTML ${(weight.htmlBytes / 1000).toFixed(1)} kB  JS ${(weight.jsGzipBytes / 1000).toFixed(1)} kB`
        : ""
    }${note ? `  (${note})` : ""}`,
  );
  return result;
}

async function benchOrg(plan: OrgPlan, opts: BenchOptions): Promise<RunResult> {
  const base = plan.baseUrls[0]!;
  const started = Date.now();
  log(`\n▶ ${plan.db} / ${plan.org}: signing in as ${plan.email}`);
  const cookie = await signIn(base, plan.email, plan.password);
  const slug = plan.known.orgSlug ?? (await firstOrgSlug(base, cookie));
  const ids: Partial<TargetIds> = plan.token
    ? await lookUpTargets(base, plan.token, plan.known)
    : plan.known;
  const planned = planTargets(slug, ids, cookie, plan.token);
  const chosen = (name: string) => !opts.only || opts.only.some((n) => name.startsWith(`${n} `));
  const targets = planned.targets.filter((t) => chosen(`${t.name} `));
  const skipped = planned.skipped.filter(chosen);
  const staticTarget: Target = {
    name: "static",
    request: { method: "GET", path: "/sign-up", headers: {} },
  };
  log(`  organisation ${slug}; ${targets.length + 2} targets, ${opts.duration} s each`);

  const results: TargetResult[] = [await measure(staticTarget, plan.baseUrls, opts, "first")];
  for (const target of targets) results.push(await measure(target, plan.baseUrls, opts));
  results.push(await measure(staticTarget, plan.baseUrls, opts, "last"));

  const first = results[0]!;
  const last = results.at(-1)!;
  const usable = [first, last].filter((r) => !r.failed);
  const mean = usable.length ? usable.reduce((s, r) => s + r.reqPerSec, 0) / usable.length : 0;
  for (const r of results) r.ratio = mean > 0 && !r.failed ? r.reqPerSec / mean : null;

  let lighthouse: LighthouseResult[] | null = null;
  if (opts.lighthouse) {
    const o = `/o/${slug}`;
    const pages: [LighthousePage, string | null, boolean][] = [
      ["sign-in", "/sign-in", false],
      ["dashboard", o, true],
      ["wizard", ids.draftAssessmentId ? `${o}/assessments/${ids.draftAssessmentId}` : null, true],
      ["pilot-page", ids.pilotId ? `${o}/pilots/${ids.pilotId}` : null, true],
      [
        "results",
        ids.submittedAssessmentId ? `${o}/assessments/${ids.submittedAssessmentId}/results` : null,
        true,
      ],
    ];
    lighthouse = [];
    for (const [page, pagePath, signedIn] of pages) {
      if (!pagePath) {
        skipped.push(`lighthouse ${page} (nothing to show)`);
        continue;
      }
      const r = await runLighthouse(
        page,
        base,
        pagePath,
        signedIn ? cookie : null,
        opts.portBase + 90,
      );
      log(
        `  lighthouse ${page.padEnd(11)} performance ${r.performance ?? "–"}  accessibility ${
          r.accessibility ?? "–"
        }${r.error ? `  (${r.error})` : ""}`,
      );
      lighthouse.push(r);
    }
  }
  return {
    db: plan.db,
    org: plan.org,
    orgSlug: slug,
    instances: plan.baseUrls.length,
    connections: opts.connections,
    durationSeconds: opts.duration,
    yardstick: { first: first.reqPerSec, last: last.reqPerSec, mean },
    targets: results,
    lighthouse,
    budgets: evaluateBudgets({ db: plan.db, org: plan.org }, results, lighthouse),
    seed: plan.seed ?? null,
    skipped,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/** Creates, fills and serves one database, then benches each organisation on it. */
async function benchDatabase(
  kind: "pglite" | "postgres",
  opts: BenchOptions,
): Promise<RunResult[]> {
  log(`\n▶ ${kind}: preparing a fresh database`);
  const db: BenchDatabase = await createDatabase(kind, opts.postgres);
  const dropDatabase = () => db.cleanup();
  pending.add(dropDatabase);
  const runs: RunResult[] = [];
  try {
    await runScript(db, "scripts/migrate.ts");
    const plans: OrgPlan[] = [];
    if (opts.orgs.includes("demo")) {
      log("  seeding the demo organisation");
      await runScript(db, "scripts/seed.ts");
      plans.push({
        db: kind,
        org: "demo",
        baseUrls: [],
        ...DEMO_ACCOUNT,
        // Made before any server starts: one process per PGlite directory.
        token: await createToken(db, "demo"),
        known: { orgSlug: "demo" },
      });
    }
    if (opts.orgs.includes("large")) {
      log(`  generating the large organisation (seed:large ${opts.largeArgs.join(" ")})`);
      const large: LargeSeed = await seedLarge(db, opts.largeArgs);
      log(`  generated in ${large.seconds.toFixed(1)} s: ${JSON.stringify(large.counts)}`);
      plans.push({
        db: kind,
        org: "large",
        baseUrls: [],
        email: large.ownerEmail,
        password: large.password,
        token: await createToken(db, large.orgSlug),
        known: {
          orgSlug: large.orgSlug,
          pilotId: large.benchPilotId,
          submittedAssessmentId: large.assessmentId,
          useCaseId: large.useCaseId,
          workshopId: large.workshopId,
        },
        seed: { seconds: large.seconds, counts: large.counts },
      });
    }
    const servers = await startServers(db, opts.instances, opts.portBase);
    const stopServers = async () => {
      await Promise.all(servers.map((s) => s.stop()));
    };
    pending.add(stopServers);
    log(`  serving on ${servers.map((s) => s.baseUrl).join(", ")}`);
    try {
      for (const plan of plans) {
        runs.push(await benchOrg({ ...plan, baseUrls: servers.map((s) => s.baseUrl) }, opts));
      }
    } finally {
      await undo(stopServers);
    }
  } finally {
    await undo(dropDatabase);
  }
  return runs;
}

function gitCommit(): string | null {
  try {
    return execSync("git rev-parse HEAD", { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const opts = parseBenchOptions(process.argv.slice(2));
  const started = Date.now();
  const runs: RunResult[] = [];
  if (opts.url) {
    runs.push(
      await benchOrg(
        {
          db: opts.dbs.length === 1 ? opts.dbs[0]! : "url",
          org: opts.orgs[0]!,
          baseUrls: [opts.url],
          email: opts.email!,
          password: opts.password!,
          token: opts.token ?? null,
          known: {},
        },
        opts,
      ),
    );
  } else {
    if (opts.orgs.includes("large") && !fs.existsSync(path.join(root, SEED_LARGE))) {
      throw new Error(
        `${SEED_LARGE} is missing, so the large organisation cannot be generated. Run with --org demo.`,
      );
    }
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    if (opts.build || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) {
      log("▶ Building the app for production (next build)");
      const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env });
      if (build.status !== 0) throw new Error("next build failed");
    }
    for (const kind of opts.dbs) runs.push(...(await benchDatabase(kind, opts)));
  }

  const cpus = os.cpus();
  const results: BenchResults = {
    machine: {
      cpu: cpus[0]?.model.trim() ?? "unknown",
      cpus: cpus.length,
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    date: new Date().toISOString(),
    commit: gitCommit(),
    options: {
      ...opts,
      password: opts.password ? "(given)" : undefined,
      token: opts.token ? "(given)" : undefined,
    },
    seconds: Math.round((Date.now() - started) / 1000),
    runs,
  };
  fs.mkdirSync(path.join(root, "bench"), { recursive: true });
  const resultsFile = path.join(root, "bench/results.json");
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  // Formatted as the repository's formatter wants it, so a committed run passes `biome check`.
  spawnSync(bin("biome"), ["format", "--write", resultsFile], { cwd: root, stdio: "ignore" });
  log(`\nWrote bench/results.json (${results.seconds} s in all).`);
  if (opts.writeReadme) {
    const readme = path.join(root, "README.md");
    fs.writeFileSync(
      readme,
      replaceReadmeTable(fs.readFileSync(readme, "utf8"), renderReadmeTable(results)),
    );
    log("Rewrote the benchmark table in README.md.");
  }
  const failing = failingBudgetLines(results);
  if (failing.length === 0) log("\nEvery budget measured is met.");
  else {
    log(`\n${failing.length} budget${failing.length === 1 ? "" : "s"} not met:`);
    for (const line of failing) log(`  ✖ ${line}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nError: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
