import { STAGES, type Stage, stageIndex } from "../stages";
import type { UseCaseStatus } from "../use-cases";

/** Whether a pilot is moving, held, or finished. */
export const PILOT_STATUSES = ["active", "paused", "retired"] as const;
export type PilotStatus = (typeof PILOT_STATUSES)[number];
export const PILOT_STATUS_LABELS: Record<PilotStatus, string> = {
  active: "Active",
  paused: "Paused",
  retired: "Retired",
};

/** Everything that can happen to a pilot's stage or status, as shown on its timeline. */
export const TRANSITION_KINDS = [
  "start",
  "promote",
  "rollback",
  "pause",
  "resume",
  "retire",
] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];
export const TRANSITION_LABELS: Record<TransitionKind, string> = {
  start: "Started",
  promote: "Promoted",
  rollback: "Rolled back",
  pause: "Paused",
  resume: "Resumed",
  retire: "Retired",
};

/** Where an assumption from the assessment stands once the pilot tests it. */
export const ASSUMPTION_STATUSES = ["open", "verified", "accepted_risk", "broken"] as const;
export type AssumptionStatus = (typeof ASSUMPTION_STATUSES)[number];
export const ASSUMPTION_STATUS_LABELS: Record<AssumptionStatus, string> = {
  open: "Open",
  verified: "Verified",
  accepted_risk: "Accepted risk",
  broken: "Broken",
};

/** Starting later than recommended needs a justification at least this long. */
export const MIN_START_JUSTIFICATION = 10;

/** Run metrics are reported per day or per week. */
export const METRIC_PERIODS = ["day", "week"] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

/** The stage after `stage`, or null in production. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/** Stages a pilot in `stage` can be rolled back to (every earlier one except proposed). */
export function rollbackTargets(stage: Stage): Stage[] {
  return STAGES.slice(1, stageIndex(stage));
}

/**
 * Whether the board should warn about a pilot: a broken assumption matters once the AI
 * touches real work, that is past shadow.
 */
export function brokenAssumptionWarning(stage: Stage, brokenAssumptions: number): boolean {
  return brokenAssumptions > 0 && stageIndex(stage) > stageIndex("shadow");
}

/** Whether starting at `chosen` is later than the assessment recommends (needs a justification). */
export function startsLaterThanRecommended(chosen: Stage, recommended: Stage): boolean {
  return stageIndex(chosen) > stageIndex(recommended);
}

export type RunMetricValues = {
  attempted: number;
  correct: number;
  overrides: number;
  escalations: number;
};

/** Consistency rules for one period of run metrics; returns field errors, empty when valid. */
export function runMetricErrors(
  m: RunMetricValues,
): Partial<Record<keyof RunMetricValues, string>> {
  const errors: Partial<Record<keyof RunMetricValues, string>> = {};
  if (m.correct > m.attempted) errors.correct = "Correct actions cannot exceed actions attempted.";
  if (m.overrides > m.attempted)
    errors.overrides = "Human overrides cannot exceed actions attempted.";
  if (m.escalations > m.attempted)
    errors.escalations = "Escalations cannot exceed actions attempted.";
  return errors;
}

/** Monday of the week containing `date` (UTC), as YYYY-MM-DD. */
export function weekStart(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Normalises a period start: weeks start on Monday. */
export function normalisePeriodStart(period: MetricPeriod, date: string): string {
  return period === "week" ? weekStart(new Date(`${date}T00:00:00Z`)) : date;
}

/** The status a use case shows while its pilot is at `stage` with `status`. */
export function useCaseStatusForPilot(stage: Stage, status: PilotStatus): UseCaseStatus {
  if (status === "retired") return "on_hold";
  return stage === "production" ? "in_production" : "piloting";
}
