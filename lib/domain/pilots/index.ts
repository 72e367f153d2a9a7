import type { CriterionResult } from "../gates";
import { STAGE_LABELS, STAGES, type Stage, stageIndex } from "../stages";
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

/** A move of a pilot, as checked before it happens. */
export type Transition =
  | { type: "promote"; from: Stage; to: Stage }
  | { type: "rollback"; from: Stage; to: Stage }
  | { type: "pause" | "resume" | "retire"; from: Stage };

/** A move a pilot made, as its timeline shows it: who, when, why and what it overrode. */
export type TransitionEntry = {
  id: string;
  kind: TransitionKind;
  fromStage: Stage | null;
  toStage: Stage;
  actorName: string | null;
  actorLabel: string;
  reason: string | null;
  overridden: CriterionResult[];
  createdAt: Date;
  /** When an override promotion was approved by a second owner or admin: who asked for it. */
  approval?: { requestedBy: string; note: string | null } | null;
};

/** Where a pilot can be asked to go: a stage (promote or roll back), or a status. */
export type TransitionTarget = Stage | "paused" | "active" | "retired";

/** The move that taking a pilot in `stage` to `to` means. */
export function transitionFor(stage: Stage, to: TransitionTarget): Transition {
  if (to === "paused") return { type: "pause", from: stage };
  if (to === "active") return { type: "resume", from: stage };
  if (to === "retired") return { type: "retire", from: stage };
  return stageIndex(to) > stageIndex(stage)
    ? { type: "promote", from: stage, to }
    : { type: "rollback", from: stage, to };
}

/**
 * The status state machine: whether a pilot with `status` may make the move at all, before
 * any gate is checked. Returns why not, or null. A retired pilot is final; only a paused
 * pilot resumes; a paused pilot is resumed before it is promoted.
 */
export function transitionStateRefusal(
  status: PilotStatus,
  transition: Transition,
): { code: "conflict" | "invalid_input"; message: string } | null {
  if (status === "retired") {
    return { code: "conflict", message: "This pilot is retired: nothing more can happen to it." };
  }
  switch (transition.type) {
    case "resume":
      return status === "paused"
        ? null
        : { code: "conflict", message: "Only a paused pilot can be resumed." };
    case "pause":
      return status === "paused"
        ? { code: "conflict", message: "This pilot is already paused." }
        : null;
    case "promote":
      return status === "paused"
        ? { code: "conflict", message: "Resume this pilot before promoting it." }
        : null;
    case "rollback":
      return transition.to === transition.from
        ? {
            code: "invalid_input",
            message: `This pilot is already in ${STAGE_LABELS[transition.from].toLowerCase()}.`,
          }
        : null;
    case "retire":
      return null;
  }
}

/** The stage and status a pilot ends up in after a move. */
export function transitionOutcome(transition: Transition): { stage: Stage; status: PilotStatus } {
  switch (transition.type) {
    case "promote":
    case "rollback":
      return { stage: transition.to, status: "active" };
    case "pause":
      return { stage: transition.from, status: "paused" };
    case "retire":
      return { stage: transition.from, status: "retired" };
    case "resume":
      return { stage: transition.from, status: "active" };
  }
}

/** The audit log's name for each move. */
export const TRANSITION_AUDIT_ACTIONS: Record<Transition["type"], string> = {
  promote: "pilot.promoted",
  rollback: "pilot.rolled_back",
  pause: "pilot.paused",
  resume: "pilot.resumed",
  retire: "pilot.retired",
};

/** What a pilot needs before it can start: a submitted assessment to start from. */
export const NO_ASSESSMENT_MESSAGE =
  "Submit an assessment of this use case first: a pilot starts from its recommendation.";

/** Starting at a later stage than recommended needs a justification at least this long. */
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

/** Whether starting at `chosen` is a later stage than the assessment recommends (needs a justification). */
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

/** The last day a period covers (YYYY-MM-DD): the day itself, or the Sunday of its week. */
export function periodEnd(period: MetricPeriod, periodStart: string): string {
  if (period === "day") return periodStart;
  const d = new Date(`${normalisePeriodStart("week", periodStart)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 6);
  return d.toISOString().slice(0, 10);
}

/**
 * Run metrics describe the pilot, so none may cover only days before it started: a day
 * before `startDate`, or a week that ends before it. Returns the message, or null. The same
 * rule for the form, the API and CSV imports.
 */
export function periodBeforeStartError(
  period: MetricPeriod,
  periodStart: string,
  startDate: string,
): string | null {
  if (periodEnd(period, periodStart) >= startDate) return null;
  return period === "week"
    ? `The week of ${normalisePeriodStart("week", periodStart)} ends before the pilot started on ${startDate}: run metrics cover the pilot from its start date on.`
    : `${periodStart} is before the pilot started on ${startDate}: run metrics cover the pilot from its start date on.`;
}

/** The status a use case shows while its pilot is at `stage` with `status`. */
export function useCaseStatusForPilot(stage: Stage, status: PilotStatus): UseCaseStatus {
  if (status === "retired") return "on_hold";
  return stage === "production" ? "in_production" : "piloting";
}
