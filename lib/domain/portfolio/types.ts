import type { Outcome } from "../incidents";
import type { Band } from "../scoring/bands";
import type { Stage } from "../stages";
import type { PortfolioStage } from "./settings";

/** One use case on the readiness × value chart. */
export type ReadinessPoint = {
  useCaseId: string;
  name: string;
  /** 1 (marginal) to 5 (strategic). */
  businessValue: number;
  annualValue: number | null;
  /** Its live pilot's stage, or "not started". */
  stage: PortfolioStage;
  pilotId: string | null;
  /** The latest submitted assessment; null for a use case never assessed. */
  assessment: { id: string; score: number; band: Band | null; confidence: number | null } | null;
};

/** One stage of the funnel of live pilots. */
export type FunnelStage = {
  stage: Stage;
  pilots: number;
  /** Median days the stage's pilots have been in it, or null without pilots. */
  medianDaysInStage: number | null;
  /** Sum of the annual values of their use cases, in the organisation's currency. */
  valueAtStake: number;
  /** Promotions into the stage, and rollbacks out of it, in the period. */
  promotions: number;
  rollbacks: number;
};

/** The dashboard's headline numbers. */
export type PortfolioTotals = {
  useCases: number;
  assessed: number;
  livePilots: number;
  inProduction: number;
  annualValue: number;
  /** Annual value of the use cases with a live pilot. */
  valueInPilots: number;
  openSevere: number;
};

/** One period of the outcome trends. */
export type OutcomePoint = {
  period: string;
  incidents: number;
  actionsAttempted: number;
  ratePer1000: number | null;
  cost: number;
  byOutcome: Record<Outcome, number>;
};

/** Accuracy and override rate of pilots in supervised and beyond, per period. */
export type TrendPoint = {
  period: string;
  attempted: number;
  accuracy: number | null;
  overrideRate: number | null;
};

export type PortfolioOutcomes = {
  unit: "week" | "month";
  incidents: number;
  actionsAttempted: number;
  ratePer1000: number | null;
  totalCost: number;
  /** Prevented or contained, against customer or financial impact. */
  caught: number;
  impact: number;
  series: OutcomePoint[];
  trend: TrendPoint[];
};

/** Something that recurs across use cases, with the use cases concerned. */
export type RecurringFinding = {
  key: string;
  text: string;
  count: number;
  useCases: { id: string; name: string; pilotId: string | null }[];
};

export type AcrossPortfolio = {
  /** Confirmed blockers of the latest assessments, most frequent first. */
  blockers: RecurringFinding[];
  /** Assumptions broken on live pilots, most frequent first. */
  brokenAssumptions: RecurringFinding[];
};

/** Which of the first steps the organisation's data shows as done (the getting-started list). */
export type GettingStartedProgress = {
  /** Someone besides the first member joined, or an invitation is waiting to be used. */
  teammateInvited: boolean;
  useCaseCreated: boolean;
  assessmentSubmitted: boolean;
  pilotStarted: boolean;
  runMetricsRecorded: boolean;
  incidentLogged: boolean;
};
