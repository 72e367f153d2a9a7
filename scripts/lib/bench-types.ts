// The shapes the HTTP benchmark measures and writes to bench/results.json.

export const TARGET_NAMES = [
  "static",
  "sign-in",
  "dashboard",
  "pilot-board",
  "pilot-page",
  "incidents",
  "results",
  "workshop",
  "api-list",
  "api-metrics",
  "api-ingest",
] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** Targets that are HTML pages (their weight and first-load JS are measured). */
export const PAGE_TARGETS: readonly TargetName[] = [
  "static",
  "sign-in",
  "dashboard",
  "pilot-board",
  "pilot-page",
  "incidents",
  "results",
  "workshop",
];

export const LIGHTHOUSE_PAGES = [
  "sign-in",
  "dashboard",
  "wizard",
  "pilot-page",
  "results",
] as const;
export type LighthousePage = (typeof LIGHTHOUSE_PAGES)[number];

export type DbKind = "pglite" | "postgres" | "url";
export type OrgKind = "demo" | "large";

/** One target's numbers from one run. */
export type TargetResult = {
  name: TargetName;
  /** `static` is benched first and again last; the rows say which. */
  pass?: "first" | "last";
  method: "GET" | "POST";
  path: string;
  /** Mean requests per second over the measured window, summed over instances. */
  reqPerSec: number;
  /** Records each request writes (api-ingest: incidents per batch); absent means 1. */
  itemsPerRequest?: number;
  /** reqPerSec / the static yardstick of the same run. */
  ratio: number | null;
  /** Latency percentiles in ms (the worst instance's when there are several); null if none. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Median of a few requests sent one at a time after the load, in ms. */
  aloneMs: number | null;
  requests: number;
  non2xx: number;
  errors: number;
  /** True when any response was not 2xx or any request failed: its numbers are not a speed. */
  failed: boolean;
  /** HTML of one GET: raw bytes and gzip bytes. */
  htmlBytes: number | null;
  htmlGzipBytes: number | null;
  /** Sum of the gzip sizes of the page's <script src> files. */
  jsGzipBytes: number | null;
  scripts: number | null;
  instances: number;
  note?: string;
};

export type LighthouseResult = {
  page: LighthousePage;
  path: string;
  performance: number | null;
  accessibility: number | null;
  /** Ids of the audits below Lighthouse's pass mark (0.9), by category. */
  failingAudits: { performance: string[]; accessibility: string[] };
  error?: string;
};

export type BudgetVerdict = {
  budget: string;
  description: string;
  subject: string;
  value: number | null;
  limit: number;
  op: ">=" | "<" | "<=" | "=";
  unit: string;
  pass: boolean;
  /** How far inside the budget (positive) or outside it (negative), in the budget's unit. */
  margin: number | null;
};

export type RunResult = {
  db: DbKind;
  org: OrgKind | "url";
  orgSlug: string;
  instances: number;
  connections: number;
  durationSeconds: number;
  /** Mean of the first and last static runs. */
  yardstick: { first: number; last: number; mean: number };
  targets: TargetResult[];
  lighthouse: LighthouseResult[] | null;
  budgets: BudgetVerdict[];
  seed?: { seconds: number; counts: Record<string, number> } | null;
  /** How long this organisation's targets and Lighthouse took. */
  seconds?: number;
  skipped: string[];
};

export type BenchResults = {
  machine: {
    cpu: string;
    cpus: number;
    memoryGb: number;
    node: string;
    platform: string;
  };
  date: string;
  commit: string | null;
  options: Record<string, unknown>;
  seconds: number;
  runs: RunResult[];
};
