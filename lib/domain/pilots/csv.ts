import Papa from "papaparse";
import { toCsv } from "../csv";
import {
  METRIC_PERIODS,
  type MetricPeriod,
  periodBeforeStartError,
  type RunMetricValues,
  runMetricErrors,
} from "./index";

export type CsvRunMetric = RunMetricValues & { period: MetricPeriod; periodStart: string };
export type CsvProblem = { line: number; message: string };

/** Column names accepted in an import, and the header written on export. */
export const RUN_METRICS_CSV_COLUMNS = [
  "period",
  "period_start",
  "attempted",
  "correct",
  "overrides",
  "escalations",
] as const;

const ALIASES: Record<string, (typeof RUN_METRICS_CSV_COLUMNS)[number]> = {
  period: "period",
  period_start: "period_start",
  date: "period_start",
  day: "period_start",
  week: "period_start",
  attempted: "attempted",
  actions_attempted: "attempted",
  correct: "correct",
  actions_correct: "correct",
  overrides: "overrides",
  human_overrides: "overrides",
  escalations: "escalations",
};

const normalise = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Parses run metrics from CSV text (a header row, then one period per row). Every problem is
 * reported with its line number, including periods before the pilot's `startDate` when given;
 * nothing is returned as valid unless the whole file is.
 */
export function parseRunMetricsCsv(
  text: string,
  defaultPeriod: MetricPeriod = "day",
  startDate?: string,
): { rows: CsvRunMetric[]; problems: CsvProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(text.trim(), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => ALIASES[normalise(h)] ?? normalise(h),
  });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 2,
    message: e.message,
  }));
  const fields = parsed.meta.fields ?? [];
  const missing = ["period_start", "attempted", "correct", "overrides"].filter(
    (c) => !fields.includes(c),
  );
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: 1,
          message: `The header must name the columns ${missing.join(", ")} (found: ${fields.join(", ") || "nothing"}).`,
        },
      ],
    };
  }
  if (parsed.data.length === 0) {
    return { rows: [], problems: [{ line: 2, message: "The file has a header but no rows." }] };
  }
  if (parsed.data.length > 1000) {
    return { rows: [], problems: [{ line: 1, message: "Import at most 1,000 rows at a time." }] };
  }
  const rows: CsvRunMetric[] = [];
  parsed.data.forEach((record, index) => {
    const line = index + 2;
    const period = (record.period?.trim().toLowerCase() || defaultPeriod) as MetricPeriod;
    if (!METRIC_PERIODS.includes(period)) {
      problems.push({ line, message: `period must be "day" or "week", not "${record.period}".` });
      return;
    }
    const periodStart = record.period_start?.trim() ?? "";
    if (!validDate(periodStart)) {
      problems.push({
        line,
        message: `period_start must be a date like 2026-03-31, not "${periodStart}".`,
      });
      return;
    }
    const early = startDate ? periodBeforeStartError(period, periodStart, startDate) : null;
    if (early) {
      problems.push({ line, message: early });
      return;
    }
    const numbers = {} as RunMetricValues;
    for (const column of ["attempted", "correct", "overrides", "escalations"] as const) {
      const raw = (record[column] ?? "").trim().replace(/[,_\s]/g, "");
      if (raw === "" && column === "escalations") {
        numbers[column] = 0;
        continue;
      }
      if (!/^\d{1,9}$/.test(raw)) {
        problems.push({
          line,
          message: `${column} must be a whole number of 0 or more, not "${record[column] ?? ""}".`,
        });
        return;
      }
      numbers[column] = Number(raw);
    }
    const errors = Object.values(runMetricErrors(numbers));
    if (errors.length > 0) {
      problems.push({ line, message: errors.join(" ") });
      return;
    }
    rows.push({ period, periodStart, ...numbers });
  });
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

/** Writes run metrics as CSV with the import's column names (a round trip re-imports them). */
export function runMetricsToCsv(
  rows: readonly (CsvRunMetric & { stage?: string; accuracy?: number | null })[],
): string {
  return toCsv(
    rows.map((r) => [
      r.period,
      r.periodStart,
      r.attempted,
      r.correct,
      r.overrides,
      r.escalations,
      r.stage,
      r.accuracy === null || r.accuracy === undefined ? "" : r.accuracy.toFixed(4),
    ]),
    [...RUN_METRICS_CSV_COLUMNS, "stage", "accuracy"],
  );
}
