import {
  type BudgetVerdict,
  type DbKind,
  LIGHTHOUSE_PAGES,
  type LighthouseResult,
  type OrgKind,
  PAGE_TARGETS,
  type TargetName,
  type TargetResult,
} from "./bench-types";

type Metric =
  | "ratio"
  | "p95"
  | "htmlKb"
  | "jsKb"
  | "aloneMs"
  | "ingestPerSec"
  | "lighthousePerformance"
  | "lighthouseAccessibility";

export type Budget = {
  id: string;
  description: string;
  metric: Metric;
  /** Target names, or Lighthouse pages for the Lighthouse metrics. */
  subjects: readonly string[];
  /** Where it applies; every database or organisation when left out. */
  db?: readonly DbKind[];
  org?: readonly OrgKind[];
  op: BudgetVerdict["op"];
  limit: number;
  unit: string;
};

const RATIO_PAGES = ["pilot-board", "pilot-page", "incidents", "results"] as const;
const BUDGET_PAGES = PAGE_TARGETS.filter((t) => t !== "static");

/** The performance budgets of the benchmark (8 connections, ratios from the same run). */
export const BUDGETS: readonly Budget[] = [
  {
    id: "dashboard-ratio-demo",
    description: "Dashboard ≥ 0.25× static (demo org)",
    metric: "ratio",
    subjects: ["dashboard"],
    org: ["demo"],
    op: ">=",
    limit: 0.25,
    unit: "×",
  },
  {
    id: "dashboard-ratio-large",
    description: "Dashboard ≥ 0.15× static (large org)",
    metric: "ratio",
    subjects: ["dashboard"],
    org: ["large"],
    op: ">=",
    limit: 0.15,
    unit: "×",
  },
  {
    id: "page-ratio-demo",
    description: "Pilot board, pilot page, incidents, results ≥ 0.15× static (demo org)",
    metric: "ratio",
    subjects: RATIO_PAGES,
    org: ["demo"],
    op: ">=",
    limit: 0.15,
    unit: "×",
  },
  {
    id: "page-ratio-large",
    description: "Pilot board, pilot page, incidents, results ≥ 0.08× static (large org)",
    metric: "ratio",
    subjects: RATIO_PAGES,
    org: ["large"],
    op: ">=",
    limit: 0.08,
    unit: "×",
  },
  {
    id: "p95-postgres-large",
    description: "p95 of every page < 150 ms on PostgreSQL (large org)",
    metric: "p95",
    subjects: BUDGET_PAGES,
    db: ["postgres"],
    org: ["large"],
    op: "<",
    limit: 150,
    unit: "ms",
  },
  {
    id: "p95-pglite-large",
    description: "p95 of every page < 300 ms on PGlite (large org)",
    metric: "p95",
    subjects: BUDGET_PAGES,
    db: ["pglite"],
    org: ["large"],
    op: "<",
    limit: 300,
    unit: "ms",
  },
  {
    id: "html-weight",
    description: "HTML of any page ≤ 150 kB",
    metric: "htmlKb",
    subjects: PAGE_TARGETS,
    op: "<=",
    limit: 150,
    unit: "kB",
  },
  {
    id: "first-load-js",
    description: "First-load JS ≤ 200 kB gzip on every page",
    metric: "jsKb",
    subjects: PAGE_TARGETS,
    op: "<=",
    limit: 200,
    unit: "kB",
  },
  {
    id: "incident-metrics-postgres",
    description: "Whole-org incident metrics < 200 ms on PostgreSQL (large org)",
    metric: "aloneMs",
    subjects: ["api-metrics"],
    db: ["postgres"],
    org: ["large"],
    op: "<",
    limit: 200,
    unit: "ms",
  },
  {
    id: "incident-metrics-pglite",
    description: "Whole-org incident metrics < 600 ms on PGlite (large org)",
    metric: "aloneMs",
    subjects: ["api-metrics"],
    db: ["pglite"],
    org: ["large"],
    op: "<",
    limit: 600,
    unit: "ms",
  },
  {
    id: "ingestion-postgres",
    description: "Ingestion through the API ≥ 500 incidents/s on PostgreSQL",
    metric: "ingestPerSec",
    subjects: ["api-ingest"],
    db: ["postgres"],
    op: ">=",
    limit: 500,
    unit: "incidents/s",
  },
  {
    id: "lighthouse-performance",
    description: "Lighthouse performance ≥ 95 (desktop preset)",
    metric: "lighthousePerformance",
    subjects: LIGHTHOUSE_PAGES,
    op: ">=",
    limit: 95,
    unit: "",
  },
  {
    id: "lighthouse-accessibility",
    description: "Lighthouse accessibility = 100",
    metric: "lighthouseAccessibility",
    subjects: LIGHTHOUSE_PAGES,
    op: "=",
    limit: 100,
    unit: "",
  },
];

/** Metrics that say how fast a target is: a target with failed requests fails them. */
const SPEED_METRICS: readonly Metric[] = ["ratio", "p95", "aloneMs", "ingestPerSec"];

/** 1 kB = 1,000 bytes, as browsers' network panels count. */
export const kB = (bytes: number) => bytes / 1000;

function targetValue(metric: Metric, t: TargetResult): number | null {
  switch (metric) {
    case "ratio":
      return t.ratio;
    case "p95":
      return t.p95;
    case "htmlKb":
      return t.htmlBytes === null ? null : kB(t.htmlBytes);
    case "jsKb":
      return t.jsGzipBytes === null ? null : kB(t.jsGzipBytes);
    case "aloneMs":
      return t.aloneMs;
    case "ingestPerSec":
      return t.reqPerSec * (t.itemsPerRequest ?? 1);
    default:
      return null;
  }
}

function lighthouseValue(metric: Metric, l: LighthouseResult): number | null {
  if (metric === "lighthousePerformance") return l.performance;
  if (metric === "lighthouseAccessibility") return l.accessibility;
  return null;
}

/** How far `value` is inside the budget (positive) or outside it (negative). */
export function marginOf(op: Budget["op"], value: number, limit: number): number {
  return op === ">=" ? value - limit : op === "=" ? -Math.abs(value - limit) : limit - value;
}

/** Whether `value` meets the budget. */
export function meets(op: Budget["op"], value: number, limit: number): boolean {
  switch (op) {
    case ">=":
      return value >= limit;
    case "<":
      return value < limit;
    case "<=":
      return value <= limit;
    case "=":
      return value === limit;
  }
}

/**
 * Every budget that applies to one run (its database and organisation), checked against what
 * was measured. A target that had errors or non-2xx answers under load fails each of its speed
 * budgets, however fast it looked; a budget whose subject was not measured is left out.
 */
export function evaluateBudgets(
  run: { db: DbKind; org: OrgKind | "url" },
  targets: readonly TargetResult[],
  lighthouse: readonly LighthouseResult[] | null,
  budgets: readonly Budget[] = BUDGETS,
): BudgetVerdict[] {
  const verdicts: BudgetVerdict[] = [];
  for (const budget of budgets) {
    if (budget.db && !budget.db.includes(run.db)) continue;
    if (budget.org && (run.org === "url" || !budget.org.includes(run.org))) continue;
    const base = {
      budget: budget.id,
      description: budget.description,
      limit: budget.limit,
      op: budget.op,
      unit: budget.unit,
    };
    const isLighthouse = budget.metric.startsWith("lighthouse");
    for (const subject of budget.subjects) {
      if (isLighthouse) {
        const l = lighthouse?.find((r) => r.page === subject);
        if (!l) continue;
        const value = lighthouseValue(budget.metric, l);
        verdicts.push({
          ...base,
          subject: `lighthouse:${subject}`,
          value,
          pass: value !== null && meets(budget.op, value, budget.limit),
          margin: value === null ? null : marginOf(budget.op, value, budget.limit),
        });
        continue;
      }
      // The static page is measured twice: its budgets read the first run's HTML, which is the same.
      const t = targets.find((r) => r.name === (subject as TargetName) && r.pass !== "last");
      if (!t) continue;
      const value = targetValue(budget.metric, t);
      const failed = t.failed && SPEED_METRICS.includes(budget.metric);
      if (value === null && !failed) continue;
      verdicts.push({
        ...base,
        subject,
        value,
        pass: !failed && value !== null && meets(budget.op, value, budget.limit),
        margin: failed || value === null ? null : marginOf(budget.op, value, budget.limit),
      });
    }
  }
  return verdicts;
}
