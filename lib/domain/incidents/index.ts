/** Incident taxonomy and the reference definitions of incident metrics (pure). */

export const SEVERITIES = ["sev1", "sev2", "sev3", "sev4"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = {
  sev1: "Sev1 · critical",
  sev2: "Sev2 · major",
  sev3: "Sev3 · minor",
  sev4: "Sev4 · cosmetic",
};

export const INCIDENT_CATEGORIES = [
  "stale_data",
  "identity_mismatch",
  "permission_overreach",
  "integration_failure",
  "partial_failure",
  "incorrect_output",
  "approval_bypass",
  "escalation_mishandled",
  "other",
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  stale_data: "Stale data",
  identity_mismatch: "Identity or record mismatch",
  permission_overreach: "Permission overreach",
  integration_failure: "Integration failure or timeout",
  partial_failure: "Partial failure",
  incorrect_output: "Incorrect output",
  approval_bypass: "Approval bypass",
  escalation_mishandled: "Escalation mishandled",
  other: "Other",
};

export const DETECTION_SOURCES = [
  "automated_check",
  "human_reviewer",
  "customer",
  "audit",
] as const;
export type DetectionSource = (typeof DETECTION_SOURCES)[number];
export const DETECTION_LABELS: Record<DetectionSource, string> = {
  automated_check: "Automated check",
  human_reviewer: "Human reviewer",
  customer: "Customer",
  audit: "Audit",
};

export const OUTCOMES = ["prevented", "contained", "customer_impact", "financial_impact"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  prevented: "Prevented",
  contained: "Contained or reverted",
  customer_impact: "Customer impact",
  financial_impact: "Financial impact",
};

export const INCIDENT_ACTIONS = ["rollback", "fix", "new_guardrail", "none"] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** The lifecycle timestamps, in the order they must happen. */
export const TIMELINE_FIELDS = [
  "startedAt",
  "detectedAt",
  "acknowledgedAt",
  "mitigatedAt",
  "resolvedAt",
] as const;
export type TimelineField = (typeof TIMELINE_FIELDS)[number];
export type Timeline = Partial<Record<TimelineField, Date | null>>;

const TIMELINE_LABELS: Record<TimelineField, string> = {
  startedAt: "Started",
  detectedAt: "Detected",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
};

/**
 * Field-level errors for timestamps out of order: each present timestamp must not be earlier
 * than any present one before it. Missing timestamps are allowed.
 */
export function validateIncidentTimeline(
  timeline: Timeline,
): Partial<Record<TimelineField, string>> {
  const errors: Partial<Record<TimelineField, string>> = {};
  let latest: { field: TimelineField; at: Date } | null = null;
  for (const field of TIMELINE_FIELDS) {
    const at = timeline[field];
    if (!at) continue;
    if (latest && at.getTime() < latest.at.getTime()) {
      errors[field] =
        `${TIMELINE_LABELS[field]} must not be earlier than ${TIMELINE_LABELS[latest.field].toLowerCase()}.`;
      continue;
    }
    latest = { field, at };
  }
  return errors;
}

export type IncidentForMetrics = Timeline & {
  outcome: Outcome | null;
  costEstimate: number | null;
};

/**
 * The percentile the database computes with `percentile_cont`: linear interpolation between
 * the two nearest ranks of the sorted values. Null for no values.
 */
export function percentileCont(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (position - lower);
}

const minutesBetween = (from: Date | null | undefined, to: Date | null | undefined) =>
  from && to ? (to.getTime() - from.getTime()) / 60_000 : null;

export type DurationMetric = { median: number | null; p90: number | null; count: number };

/** The two times each duration metric runs between. */
export const DURATION_SPANS = {
  timeToDetect: ["startedAt", "detectedAt"],
  timeToAcknowledge: ["detectedAt", "acknowledgedAt"],
  timeToMitigate: ["detectedAt", "mitigatedAt"],
  timeToResolve: ["detectedAt", "resolvedAt"],
} as const satisfies Record<string, readonly [TimelineField, TimelineField]>;

export type DurationMetricKey = keyof typeof DURATION_SPANS;

/** Minutes one incident took for a duration metric, or null when either time is missing. */
export function incidentMinutes(incident: Timeline, metric: DurationMetricKey): number | null {
  const [from, to] = DURATION_SPANS[metric];
  return minutesBetween(incident[from], incident[to]);
}

function durations(
  incidents: readonly IncidentForMetrics[],
  metric: DurationMetricKey,
): DurationMetric {
  const values = incidents
    .map((i) => incidentMinutes(i, metric))
    .filter((v): v is number => v !== null);
  return {
    median: percentileCont(values, 0.5),
    p90: percentileCont(values, 0.9),
    count: values.length,
  };
}

/** Minutes from started to detected, over incidents with both timestamps. */
export const timeToDetect = (incidents: readonly IncidentForMetrics[]) =>
  durations(incidents, "timeToDetect");
/** Minutes from detected to acknowledged, over incidents with both timestamps. */
export const timeToAcknowledge = (incidents: readonly IncidentForMetrics[]) =>
  durations(incidents, "timeToAcknowledge");
/** Minutes from detected to mitigated, over incidents with both timestamps. */
export const timeToMitigate = (incidents: readonly IncidentForMetrics[]) =>
  durations(incidents, "timeToMitigate");
/** Minutes from detected to resolved, over resolved incidents with a detection time. */
export const timeToResolve = (incidents: readonly IncidentForMetrics[]) =>
  durations(incidents, "timeToResolve");

/** Share of incidents with an outcome that were prevented or contained before customer impact. */
export function caughtBeforeImpact(incidents: readonly IncidentForMetrics[]): number | null {
  const withOutcome = incidents.filter((i) => i.outcome);
  if (withOutcome.length === 0) return null;
  return (
    withOutcome.filter((i) => i.outcome === "prevented" || i.outcome === "contained").length /
    withOutcome.length
  );
}

/** Sum of cost estimates (incidents without an estimate count as 0). */
export function totalCost(incidents: readonly IncidentForMetrics[]): number {
  return incidents.reduce((sum, i) => sum + (i.costEstimate ?? 0), 0);
}

/** Definitions shown next to the numbers. */
export const METRIC_DEFINITIONS = {
  timeToDetect:
    "Time to detect: minutes from started to detected (median and 90th percentile), over incidents with both times.",
  timeToAcknowledge:
    "Time to acknowledge: minutes from detected to acknowledged, over incidents with both times.",
  timeToMitigate:
    "Time to mitigate: minutes from detected to mitigated, over incidents with both times.",
  timeToResolve:
    "Time to resolve: minutes from detected to resolved, over incidents resolved in the period.",
  incidentRate:
    "Incident rate: incidents per 1,000 actions attempted in the period (from run metrics).",
  caughtBeforeImpact:
    "Caught before impact: share of incidents with a recorded outcome that were prevented or contained.",
  totalCost: "Total cost: sum of the cost estimates of the incidents in the period.",
} as const;

/**
 * Start of the UTC week (Monday) or month containing `date`, the same bucket as PostgreSQL's
 * `date_trunc('week' | 'month', ts at time zone 'UTC')`.
 */
export function periodStart(date: Date, period: "week" | "month"): Date {
  if (period === "month") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
}

export {
  incidentStartError,
  type PilotHistory,
  pilotStartedAt,
  stageAt,
} from "./pilot-timing";
export type {
  IncidentAggregate,
  IncidentDto,
  IncidentInput,
  IncidentMetricsDto,
  IncidentSeriesPoint,
  IncidentSummaryDto,
} from "./types";
