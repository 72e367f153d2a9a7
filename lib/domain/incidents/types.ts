import type { Stage } from "../stages";
import type {
  DetectionSource,
  DurationMetric,
  IncidentAction,
  IncidentCategory,
  Outcome,
  Severity,
} from "./index";

/** How an incident is classified. */
export type IncidentClassification = {
  severity: Severity;
  category: IncidentCategory;
  detectionSource: DetectionSource;
  outcome: Outcome;
};

/** When an incident started, was detected, acknowledged, mitigated and resolved, and its cost. */
export type IncidentTimeline = {
  startedAt: Date;
  detectedAt: Date | null;
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  costEstimate: number | null;
};

/** An incident as it is written: by the form, the API, a webhook or the demo seed. */
export type IncidentInput = IncidentClassification &
  IncidentTimeline & {
    title: string;
    description: string;
    assumptionId: string | null;
    actions: IncidentAction[];
    /** How it was resolved: needed when it is logged already resolved. */
    resolutionNote?: string | null;
  };

/** An incident as lists show it. */
export type IncidentSummaryDto = IncidentClassification &
  IncidentTimeline & {
    id: string;
    pilotId: string | null;
    pilotName: string | null;
    title: string;
    stage: Stage | null;
    actions: IncidentAction[];
  };

/** One incident in full. */
export type IncidentDto = IncidentSummaryDto & {
  description: string;
  resolutionNote: string | null;
  assumptionId: string | null;
  assumptionText: string | null;
  externalId: string | null;
  createdByName: string | null;
  /** ISO 4217 code of the organisation's currency, which `costEstimate` is in. */
  currency: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type IncidentAggregate = {
  count: number;
  open: number;
  bySeverity: Record<Severity, number>;
  byOutcome: {
    prevented: number;
    contained: number;
    customer_impact: number;
    financial_impact: number;
  };
  timeToDetect: DurationMetric;
  timeToAcknowledge: DurationMetric;
  timeToMitigate: DurationMetric;
  timeToResolve: DurationMetric;
  /** Prevented or contained ÷ incidents (every incident has an outcome). */
  caughtBeforeImpact: number | null;
  totalCost: number;
};

export type IncidentSeriesPoint = IncidentAggregate & {
  /** Start of the week (Monday) or month, YYYY-MM-DD, UTC. */
  period: string;
  actionsAttempted: number;
  /** Incidents per 1,000 actions attempted in the period, or null without run metrics. */
  ratePer1000: number | null;
};

export type IncidentMetricsDto = {
  groupBy: "week" | "month";
  /** ISO 4217 code of the organisation's currency, which costs are in. */
  currency: string;
  summary: IncidentAggregate & { actionsAttempted: number; ratePer1000: number | null };
  series: IncidentSeriesPoint[];
  /** Actions attempted per period in the run metrics of the same pilots, quiet periods included. */
  actionsByPeriod: { period: string; attempted: number }[];
  byCategory: { category: IncidentCategory; count: number }[];
  byStage: { stage: Stage; count: number; actionsAttempted: number; ratePer1000: number | null }[];
  byPilot: {
    pilotId: string;
    name: string;
    count: number;
    open: number;
    ttrMedian: number | null;
  }[];
};
