import { describe, expect, test } from "vitest";
import { BUDGETS, evaluateBudgets, marginOf, meets } from "@/scripts/lib/bench-budgets";
import { scriptSources } from "@/scripts/lib/bench-load";
import { parseBenchOptions } from "@/scripts/lib/bench-options";
import {
  describeVerdict,
  failingBudgetLines,
  README_END,
  README_START,
  renderReadmeTable,
  replaceReadmeTable,
} from "@/scripts/lib/bench-report";
import type {
  BenchResults,
  LighthouseResult,
  RunResult,
  TargetName,
  TargetResult,
} from "@/scripts/lib/bench-types";

/** A target's numbers; only what a case changes is given. */
function target(name: TargetName, over: Partial<TargetResult> = {}): TargetResult {
  return {
    name,
    method: "GET",
    path: `/${name}`,
    reqPerSec: 100,
    ratio: 1,
    p50: 10,
    p95: 20,
    p99: 30,
    aloneMs: 5,
    requests: 1000,
    non2xx: 0,
    errors: 0,
    failed: false,
    htmlBytes: 20_000,
    htmlGzipBytes: 5_000,
    jsGzipBytes: 150_000,
    scripts: 10,
    instances: 1,
    ...over,
  };
}

const lighthouse = (over: Partial<LighthouseResult> = {}): LighthouseResult => ({
  page: "dashboard",
  path: "/o/demo",
  performance: 98,
  accessibility: 100,
  failingAudits: { performance: [], accessibility: [] },
  ...over,
});

const verdictOf = (verdicts: ReturnType<typeof evaluateBudgets>, budget: string, subject: string) =>
  verdicts.find((v) => v.budget === budget && v.subject === subject);

describe("budget comparisons", () => {
  test.each([
    [">=", 0.25, 0.25, true, 0],
    [">=", 0.24, 0.25, false, -0.01],
    ["<", 150, 150, false, 0],
    ["<", 149, 150, true, 1],
    ["<=", 150, 150, true, 0],
    ["<=", 795, 150, false, -645],
    ["=", 100, 100, true, 0],
    ["=", 97, 100, false, -3],
  ] as const)("%s: %d against %d", (op, value, limit, pass, margin) => {
    expect(meets(op, value, limit)).toBe(pass);
    expect(marginOf(op, value, limit)).toBeCloseTo(margin);
  });

  test("every budget has a unique id and applies to something", () => {
    expect(new Set(BUDGETS.map((b) => b.id)).size).toBe(BUDGETS.length);
    for (const b of BUDGETS) expect(b.subjects.length).toBeGreaterThan(0);
  });
});

describe("evaluateBudgets", () => {
  test("the dashboard ratio budget depends on the organisation", () => {
    const targets = [target("static", { pass: "first" }), target("dashboard", { ratio: 0.2 })];
    const demo = evaluateBudgets({ db: "pglite", org: "demo" }, targets, null);
    const large = evaluateBudgets({ db: "pglite", org: "large" }, targets, null);
    expect(verdictOf(demo, "dashboard-ratio-demo", "dashboard")).toMatchObject({
      pass: false,
      limit: 0.25,
    });
    expect(verdictOf(demo, "dashboard-ratio-demo", "dashboard")?.margin).toBeCloseTo(-0.05);
    expect(verdictOf(demo, "dashboard-ratio-large", "dashboard")).toBeUndefined();
    expect(verdictOf(large, "dashboard-ratio-large", "dashboard")).toMatchObject({ pass: true });
    expect(verdictOf(large, "dashboard-ratio-large", "dashboard")?.margin).toBeCloseTo(0.05);
  });

  test("p95 budgets apply to the large organisation, by database", () => {
    const targets = [target("pilot-page", { p95: 200 })];
    const pg = evaluateBudgets({ db: "postgres", org: "large" }, targets, null);
    const lite = evaluateBudgets({ db: "pglite", org: "large" }, targets, null);
    const demo = evaluateBudgets({ db: "postgres", org: "demo" }, targets, null);
    expect(verdictOf(pg, "p95-postgres-large", "pilot-page")).toMatchObject({
      pass: false,
      margin: -50,
    });
    expect(verdictOf(lite, "p95-pglite-large", "pilot-page")).toMatchObject({
      pass: true,
      margin: 100,
    });
    expect(demo.some((v) => v.budget.startsWith("p95"))).toBe(false);
  });

  test("HTML and first-load JS are checked on every page in kB of 1,000 bytes", () => {
    const verdicts = evaluateBudgets(
      { db: "pglite", org: "demo" },
      [target("pilot-page", { htmlBytes: 795_000, jsGzipBytes: 200_000 })],
      null,
    );
    expect(verdictOf(verdicts, "html-weight", "pilot-page")).toMatchObject({
      pass: false,
      value: 795,
      margin: -645,
    });
    expect(verdictOf(verdicts, "first-load-js", "pilot-page")).toMatchObject({
      pass: true,
      margin: 0,
    });
  });

  test("a target with errors fails its speed budgets however fast it looked, not its weight", () => {
    const verdicts = evaluateBudgets(
      { db: "postgres", org: "large" },
      [target("dashboard", { ratio: 5, p95: 1, non2xx: 12, failed: true })],
      null,
    );
    expect(verdictOf(verdicts, "dashboard-ratio-large", "dashboard")).toMatchObject({
      pass: false,
      margin: null,
    });
    expect(verdictOf(verdicts, "p95-postgres-large", "dashboard")?.pass).toBe(false);
    expect(verdictOf(verdicts, "html-weight", "dashboard")?.pass).toBe(true);
  });

  test("a batch target's ingestion rate counts every incident of each request", () => {
    const targets = [
      target("api-ingest", {
        reqPerSec: 12,
        itemsPerRequest: 50,
        htmlBytes: null,
        jsGzipBytes: null,
      }),
    ];
    const verdicts = evaluateBudgets({ db: "postgres", org: "demo" }, targets, null);
    expect(verdictOf(verdicts, "ingestion-postgres", "api-ingest")).toMatchObject({
      value: 600,
      pass: true,
    });
    const single = evaluateBudgets(
      { db: "postgres", org: "demo" },
      [target("api-ingest", { reqPerSec: 12, htmlBytes: null, jsGzipBytes: null })],
      null,
    );
    expect(verdictOf(single, "ingestion-postgres", "api-ingest")).toMatchObject({
      value: 12,
      pass: false,
    });
  });

  test("metrics latency and ingestion rate are read from the API targets", () => {
    const targets = [
      target("api-metrics", { aloneMs: 450, htmlBytes: null, jsGzipBytes: null }),
      target("api-ingest", { reqPerSec: 420, aloneMs: null, htmlBytes: null, jsGzipBytes: null }),
    ];
    const pg = evaluateBudgets({ db: "postgres", org: "large" }, targets, null);
    const lite = evaluateBudgets({ db: "pglite", org: "large" }, targets, null);
    expect(verdictOf(pg, "incident-metrics-postgres", "api-metrics")).toMatchObject({
      pass: false,
      margin: -250,
    });
    expect(verdictOf(lite, "incident-metrics-pglite", "api-metrics")).toMatchObject({
      pass: true,
      margin: 150,
    });
    expect(verdictOf(pg, "ingestion-postgres", "api-ingest")).toMatchObject({
      pass: false,
      margin: -80,
    });
    expect(lite.some((v) => v.budget === "ingestion-postgres")).toBe(false);
  });

  test("Lighthouse budgets: performance at least 95, accessibility exactly 100", () => {
    const verdicts = evaluateBudgets(
      { db: "pglite", org: "demo" },
      [],
      [
        lighthouse({ page: "dashboard", performance: 96, accessibility: 97 }),
        lighthouse({ page: "pilot-page", performance: 91, accessibility: 100 }),
        lighthouse({ page: "wizard", performance: null, accessibility: null, error: "timeout" }),
      ],
    );
    expect(verdictOf(verdicts, "lighthouse-performance", "lighthouse:dashboard")?.pass).toBe(true);
    expect(verdictOf(verdicts, "lighthouse-accessibility", "lighthouse:dashboard")).toMatchObject({
      pass: false,
      margin: -3,
    });
    expect(verdictOf(verdicts, "lighthouse-performance", "lighthouse:pilot-page")).toMatchObject({
      pass: false,
      margin: -4,
    });
    expect(verdictOf(verdicts, "lighthouse-performance", "lighthouse:wizard")).toMatchObject({
      pass: false,
      value: null,
    });
    expect(verdicts.some((v) => v.subject === "lighthouse:results")).toBe(false);
  });

  test("the static page's last run is not checked twice", () => {
    const verdicts = evaluateBudgets(
      { db: "pglite", org: "demo" },
      [target("static", { pass: "first" }), target("static", { pass: "last", htmlBytes: 999_999 })],
      null,
    );
    expect(verdicts.filter((v) => v.subject === "static" && v.budget === "html-weight")).toEqual([
      expect.objectContaining({ pass: true }),
    ]);
  });
});

function results(): BenchResults {
  const targets = [
    target("static", { pass: "first", reqPerSec: 400, ratio: 400 / 390 }),
    target("dashboard", { reqPerSec: 39, ratio: 0.1, htmlBytes: 357_000 }),
    target("pilot-page", { reqPerSec: 0, ratio: null, non2xx: 40, failed: true }),
    target("api-metrics", { aloneMs: 18.4, htmlBytes: null, jsGzipBytes: null, scripts: null }),
    target("static", { pass: "last", reqPerSec: 380, ratio: 380 / 390 }),
  ];
  const lh = [
    lighthouse({
      accessibility: 97,
      failingAudits: { performance: [], accessibility: ["aria-hidden-focus"] },
    }),
  ];
  const run: RunResult = {
    db: "postgres",
    org: "demo",
    orgSlug: "demo",
    instances: 2,
    connections: 8,
    durationSeconds: 10,
    yardstick: { first: 400, last: 380, mean: 390 },
    targets,
    lighthouse: lh,
    budgets: evaluateBudgets({ db: "postgres", org: "demo" }, targets, lh),
    skipped: ["workshop (no workshop)"],
  };
  return {
    machine: { cpu: "Test CPU", cpus: 2, memoryGb: 8, node: "v20.0.0", platform: "linux" },
    date: "2026-12-07T19:30:00.000Z",
    commit: "0123456789abcdef",
    options: {},
    seconds: 100,
    runs: [run],
  };
}

describe("README table", () => {
  test("one row per target with its numbers and budget verdict", () => {
    const table = renderReadmeTable(results());
    const rows = table.split("\n").filter((l) => l.startsWith("| PostgreSQL"));
    expect(rows).toHaveLength(5 + 1); // five targets and one Lighthouse page
    expect(table).toContain("2 × Test CPU, 8 GB, Node v20.0.0, commit 0123456");
    const dashboard = rows.find((r) => r.includes("| dashboard |"));
    expect(dashboard).toContain("| 39.0 | 0.10× | 10 / 20 / 30 |");
    expect(dashboard).toContain("| 357.0 | 150.0 |");
    expect(dashboard).toMatch(
      /\*\*fail\*\*: dashboard-ratio-demo \(0\.10×, off by 0\.15×\); html-weight \(357 kB, off by 207 kB\)/,
    );
    expect(rows.find((r) => r.includes("| static (first) |"))).toMatch(/\| pass \|$/);
    expect(rows.find((r) => r.includes("| static (last) |"))).toMatch(/\| – \|$/);
    expect(rows.find((r) => r.includes("| pilot-page |"))).toContain(
      "failed (40 non-2xx, 0 errors)",
    );
  });

  test("the yardstick, the spread of load, the metrics line and Lighthouse are stated", () => {
    const table = renderReadmeTable(results());
    expect(table).toContain("static yardstick 390 req/s (first 400, last 380)");
    expect(table).toContain("percentiles of the worst instance");
    expect(table).toContain(
      "Incident metrics (GET /api/v1/metrics/incidents, one request at a time): 18 ms (p50 under load 10 ms)",
    );
    expect(table).toContain("Not measured: workshop (no workshop)");
    expect(table).toContain("desktop preset");
    expect(table).toContain(
      "| PostgreSQL | demo | dashboard | 98 | 97 | accessibility: aria-hidden-focus |",
    );
  });

  test("the table replaces only what is between the markers", () => {
    const readme = `# App\n\n## Performance\n\n${README_START}\nold table\n${README_END}\n\nAfter.\n`;
    const updated = replaceReadmeTable(readme, "| new |");
    expect(updated).toBe(
      `# App\n\n## Performance\n\n${README_START}\n| new |\n${README_END}\n\nAfter.\n`,
    );
    expect(replaceReadmeTable(updated, "| newer |")).toContain(
      `${README_START}\n| newer |\n${README_END}`,
    );
    expect(() => replaceReadmeTable("# App\n", "x")).toThrow(/markers/);
  });

  test("small and fractional values keep the digits that matter", () => {
    const [ratio, ingest] = evaluateBudgets(
      { db: "postgres", org: "large" },
      [
        target("dashboard", { ratio: 0.004, htmlBytes: null, jsGzipBytes: null, p95: null }),
        target("api-ingest", { reqPerSec: 59.5, htmlBytes: null, jsGzipBytes: null }),
      ],
      null,
    ).filter((v) => v.budget === "dashboard-ratio-large" || v.budget === "ingestion-postgres");
    expect(describeVerdict(ratio!)).toBe(
      "dashboard-ratio-large dashboard: 0.004× (limit ≥ 0.15×, off by 0.15×)",
    );
    expect(describeVerdict(ingest!)).toBe(
      "ingestion-postgres api-ingest: 59.5 incidents/s (limit ≥ 500 incidents/s, off by 441 incidents/s)",
    );
  });

  test("failing budgets are listed one a line with their margin", () => {
    const lines = failingBudgetLines(results());
    expect(lines).toContain(
      "PostgreSQL / demo: html-weight dashboard: 357 kB (limit ≤ 150 kB, off by 207 kB)",
    );
    expect(lines).toContain(
      "PostgreSQL / demo: page-ratio-demo pilot-page: not measured cleanly (limit ≥ 0.15×)",
    );
    expect(lines.some((l) => l.includes("static"))).toBe(false);
  });
});

describe("command line and page parsing", () => {
  test("defaults, and --large-args taken as it is", () => {
    const o = parseBenchOptions([
      "--large-args",
      "--incidents 1000 --pilots 20",
      "--no-lighthouse",
    ]);
    expect(o).toMatchObject({
      dbs: ["pglite", "postgres"],
      orgs: ["demo", "large"],
      duration: 10,
      connections: 8,
      instances: 2,
      lighthouse: false,
      only: null,
      largeArgs: ["--incidents", "1000", "--pilots", "20"],
    });
  });

  test("wrong options are refused with the option named", () => {
    expect(() => parseBenchOptions(["--only", "static,nowhere"])).toThrow(/--only/);
    expect(() => parseBenchOptions(["--duration", "fast"])).toThrow(/--duration/);
    expect(() => parseBenchOptions(["--url", "http://127.0.0.1:3000", "--org", "demo"])).toThrow(
      /--email/,
    );
  });

  test("script sources are read once each, entities decoded, noModule polyfills left out", () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script nonce="x" src="/_next/b.js?v=1&amp;x=2"></script>' +
      '<script>inline()</script><script src="/_next/a.js"></script>' +
      '<script src="/_next/polyfills.js" noModule=""></script>';
    expect(scriptSources(html)).toEqual(["/_next/a.js", "/_next/b.js?v=1&x=2"]);
  });
});
