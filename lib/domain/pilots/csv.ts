import Papa from "papaparse";
import { formatIsoDateTime, roundTo } from "@/lib/format";
import { type CsvColumn, csvTable } from "../csv";
import type { CriterionResult } from "../gates";
import type { Stage } from "../stages";
import {
  METRIC_PERIODS,
  type MetricPeriod,
  type PilotStatus,
  periodBeforeStartError,
  type RunMetricValues,
  runMetricErrors,
  type TransitionKind,
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

export type RunMetricCsvRow = CsvRunMetric & {
  stage?: Stage;
  accuracy?: number | null;
  overrideRate?: number | null;
  escalationRate?: number | null;
};

/** A ratio to four decimals (0.9531), or empty for a period without actions. */
const ratio = (r: number | null | undefined) =>
  r === null || r === undefined ? null : roundTo(r, 4);

/** The import's columns first (so a file re-imports as it is), then the stage and the rates. */
const RUN_METRIC_COLUMNS: CsvColumn<RunMetricCsvRow>[] = [
  { header: "period", value: (r) => r.period },
  { header: "period_start", value: (r) => r.periodStart },
  { header: "attempted", value: (r) => r.attempted },
  { header: "correct", value: (r) => r.correct },
  { header: "overrides", value: (r) => r.overrides },
  { header: "escalations", value: (r) => r.escalations },
  { header: "stage", value: (r) => r.stage },
  { header: "accuracy", value: (r) => ratio(r.accuracy) },
  { header: "override_rate", value: (r) => ratio(r.overrideRate) },
  { header: "escalation_rate", value: (r) => ratio(r.escalationRate) },
];

/** Writes one pilot's run metrics as CSV with the import's column names (a round trip re-imports them). */
export function runMetricsToCsv(rows: readonly RunMetricCsvRow[]): string {
  return csvTable(RUN_METRIC_COLUMNS, rows);
}

export type PilotRunMetricCsvRow = RunMetricCsvRow & { pilotId: string; pilotName: string };

/** Run metrics of several pilots, one row per pilot and period, each naming its pilot. */
export function pilotRunMetricsToCsv(rows: readonly PilotRunMetricCsvRow[]): string {
  return csvTable<PilotRunMetricCsvRow>(
    [
      { header: "pilot_id", value: (r) => r.pilotId },
      { header: "pilot", value: (r) => r.pilotName },
      ...RUN_METRIC_COLUMNS,
    ],
    rows,
  );
}

/** One entry of a pilot's stage history, with the pilot it belongs to. */
export type StageHistoryCsvRow = {
  pilotId: string;
  pilotName: string;
  ownerName: string | null;
  /** Where the pilot stands now. */
  stage: Stage;
  status: PilotStatus;
  startDate: string;
  kind: TransitionKind;
  fromStage: Stage | null;
  toStage: Stage;
  at: Date;
  actor: string;
  reason: string | null;
  overridden: readonly Pick<CriterionResult, "label" | "threshold" | "measured">[];
  /** Who asked for a promotion that a second owner or admin approved. */
  requestedBy: string | null;
};

const STAGE_HISTORY_COLUMNS: CsvColumn<StageHistoryCsvRow>[] = [
  { header: "pilot_id", value: (r) => r.pilotId },
  { header: "pilot", value: (r) => r.pilotName },
  { header: "owner", value: (r) => r.ownerName },
  { header: "current_stage", value: (r) => r.stage },
  { header: "status", value: (r) => r.status },
  { header: "start_date", value: (r) => r.startDate },
  { header: "event", value: (r) => r.kind },
  { header: "from_stage", value: (r) => r.fromStage },
  { header: "to_stage", value: (r) => r.toStage },
  { header: "at", value: (r) => formatIsoDateTime(r.at) },
  { header: "by", value: (r) => r.actor },
  { header: "requested_by", value: (r) => r.requestedBy },
  { header: "reason", value: (r) => r.reason },
  {
    header: "overridden_criteria",
    value: (r) =>
      r.overridden
        .map((c) => `${c.label}: needed ${c.threshold}, measured ${c.measured}`)
        .join("; "),
  },
];

/** Pilots' stage histories as CSV: one row per start, promotion, rollback, pause, resume or retirement. */
export function stageHistoryToCsv(rows: readonly StageHistoryCsvRow[]): string {
  return csvTable(STAGE_HISTORY_COLUMNS, rows);
}
