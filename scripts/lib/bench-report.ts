import { kB } from "./bench-budgets";
import type {
  BenchResults,
  BudgetVerdict,
  LighthouseResult,
  RunResult,
  TargetResult,
} from "./bench-types";

export const README_START = "<!-- bench:start -->";
export const README_END = "<!-- bench:end -->";

const DB_LABELS = { pglite: "PGlite", postgres: "PostgreSQL", url: "given URL" } as const;

const fixed = (n: number | null, digits: number) => (n === null ? "–" : n.toFixed(digits));

/** Fewer decimals for larger numbers, so a small ratio like 0.004× does not print as 0.00×. */
function figure(n: number): string {
  const size = Math.abs(n);
  return n.toFixed(size >= 100 ? 0 : size >= 10 ? 1 : size >= 0.1 ? 2 : 3);
}
const ms = (n: number | null) => (n === null ? "–" : n < 10 ? n.toFixed(1) : n.toFixed(0));
const kb = (bytes: number | null) => (bytes === null ? "–" : kB(bytes).toFixed(1));

/** A budget's value with its unit, as the tables and the summary print it. */
function withUnit(value: number | null, unit: string): string {
  if (value === null) return "–";
  const n = Number.isInteger(value) ? value.toFixed(0) : figure(value);
  return unit === "" ? n : unit === "×" ? `${n}×` : `${n} ${unit}`;
}

/** One verdict in a few words: "html-weight 795 kB (limit ≤ 150 kB, 645 kB over)". */
export function describeVerdict(v: BudgetVerdict): string {
  const limit = `${v.op === "=" ? "=" : v.op === ">=" ? "≥" : v.op === "<" ? "<" : "≤"} ${withUnit(v.limit, v.unit)}`;
  if (v.margin === null) return `${v.budget} ${v.subject}: not measured cleanly (limit ${limit})`;
  const by = withUnit(Math.abs(v.margin), v.unit);
  const where = v.pass ? `${by} to spare` : `off by ${by}`;
  return `${v.budget} ${v.subject}: ${withUnit(v.value, v.unit)} (limit ${limit}, ${where})`;
}

function auditList(l: LighthouseResult): string {
  const parts = [
    l.failingAudits.performance.length
      ? `performance: ${l.failingAudits.performance.join(", ")}`
      : "",
    l.failingAudits.accessibility.length
      ? `accessibility: ${l.failingAudits.accessibility.join(", ")}`
      : "",
  ].filter(Boolean);
  return parts.join("; ") || "none";
}

function budgetCell(verdicts: BudgetVerdict[]): string {
  if (verdicts.length === 0) return "–";
  const failing = verdicts.filter((v) => !v.pass);
  if (failing.length === 0) return "pass";
  return `**fail**: ${failing
    .map((v) =>
      v.margin === null
        ? `${v.budget} (not measured cleanly)`
        : `${v.budget} (${withUnit(v.value, v.unit)}, off by ${withUnit(Math.abs(v.margin), v.unit)})`,
    )
    .join("; ")}`;
}

function targetLabel(t: TargetResult): string {
  return t.pass ? `${t.name} (${t.pass})` : t.name;
}

function targetRow(run: RunResult, t: TargetResult): string {
  const verdicts = run.budgets.filter((v) => v.subject === t.name && t.pass !== "last");
  const rate = t.failed
    ? t.requests === 0
      ? "failed (nothing completed)"
      : `failed (${t.non2xx} non-2xx, ${t.errors} errors)`
    : fixed(t.reqPerSec, t.reqPerSec < 100 ? 1 : 0);
  return `| ${DB_LABELS[run.db]} | ${run.org} | ${targetLabel(t)} | ${rate} | ${
    t.failed || t.ratio === null ? "–" : `${figure(t.ratio)}×`
  } | ${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.p99)} | ${ms(t.aloneMs)} | ${kb(t.htmlBytes)} | ${kb(
    t.jsGzipBytes,
  )} | ${budgetCell(verdicts)} |`;
}

/** The README's benchmark section body: the machine, one row per target and the key lines. */
export function renderReadmeTable(results: BenchResults): string {
  const { machine } = results;
  const first = results.runs[0];
  const lines: string[] = [
    `Measured ${results.date.slice(0, 16).replace("T", " ")} UTC on ${machine.cpus} × ${machine.cpu}, ` +
      `${machine.memoryGb} GB, Node ${machine.node}, commit ${results.commit?.slice(0, 7) ?? "unknown"}` +
      (first
        ? `; ${first.connections} connections, ${first.durationSeconds} s per target after a 2 s warm-up.`
        : "."),
    "",
    "| DB | Org | Target | req/s | ratio | p50 / p95 / p99 ms | alone ms | HTML kB | JS kB (gzip) | Budgets |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ];
  for (const run of results.runs) {
    for (const t of run.targets) lines.push(targetRow(run, t));
  }
  lines.push("");
  for (const run of results.runs) {
    const where = `${DB_LABELS[run.db]}, ${run.org} org`;
    const spread =
      run.instances > 1
        ? ` Load spread over ${run.instances} app instances (one autocannon per instance, connections split; req/s summed, percentiles of the worst instance).`
        : "";
    lines.push(
      `- **${where}**: static yardstick ${fixed(run.yardstick.mean, 0)} req/s (first ${fixed(
        run.yardstick.first,
        0,
      )}, last ${fixed(run.yardstick.last, 0)}).${spread}`,
    );
    const metrics = run.targets.find((t) => t.name === "api-metrics");
    if (metrics) {
      const verdict = run.budgets.find((v) => v.subject === "api-metrics");
      lines.push(
        `  - Incident metrics (GET /api/v1/metrics/incidents, one request at a time): ${ms(
          metrics.aloneMs,
        )} ms (p50 under load ${ms(metrics.failed ? null : metrics.p50)} ms)${verdict ? ` — ${verdict.pass ? "pass" : "**fail**"}: ${describeVerdict(verdict)}` : ""}.`,
      );
    }
    const ingest = run.targets.find((t) => t.name === "api-ingest");
    if (ingest) {
      const verdict = run.budgets.find((v) => v.subject === "api-ingest");
      lines.push(
        `  - Ingestion (POST /api/v1/pilots/{id}/incidents/batch, ${ingest.itemsPerRequest ?? 1} incidents a request, a new Idempotency-Key each): ${
          ingest.failed
            ? "failed"
            : `${fixed(ingest.reqPerSec * (ingest.itemsPerRequest ?? 1), 0)} incidents/s (${fixed(ingest.reqPerSec, 1)} requests/s)`
        }${verdict ? ` — ${verdict.pass ? "pass" : "**fail**"}: ${describeVerdict(verdict)}` : ""}.`,
      );
    }
    if (run.skipped.length > 0) lines.push(`  - Not measured: ${run.skipped.join("; ")}.`);
  }
  const lighthouseRuns = results.runs.filter((r) => r.lighthouse && r.lighthouse.length > 0);
  if (lighthouseRuns.length > 0) {
    lines.push(
      "",
      "Lighthouse (desktop preset, signed in with the session cookie):",
      "",
      "| DB | Org | Page | Performance | Accessibility | Audits below 0.9 |",
      "| --- | --- | --- | ---: | ---: | --- |",
    );
    for (const run of lighthouseRuns) {
      for (const l of run.lighthouse ?? []) {
        lines.push(
          `| ${DB_LABELS[run.db]} | ${run.org} | ${l.page} | ${fixed(l.performance, 0)} | ${fixed(
            l.accessibility,
            0,
          )} | ${l.error ? `error: ${l.error}` : auditList(l)} |`,
        );
      }
    }
  }
  return lines.join("\n");
}

/** The README with the text between the benchmark markers replaced by `table`. */
export function replaceReadmeTable(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`README.md has no ${README_START} … ${README_END} markers.`);
  }
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** One line per failing budget, for the end of the run. */
export function failingBudgetLines(results: BenchResults): string[] {
  return results.runs.flatMap((run) =>
    run.budgets
      .filter((v) => !v.pass)
      .map((v) => `${DB_LABELS[run.db]} / ${run.org}: ${describeVerdict(v)}`),
  );
}
