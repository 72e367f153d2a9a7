import type {
  DetectionSource,
  IncidentAction,
  IncidentCategory,
  IncidentInput,
  Outcome,
  Severity,
} from "@/lib/domain/incidents";
import type { Stage } from "@/lib/domain/stages";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Deterministic uniform number in [0, 1), so every seed produces the same demo. */
function uniform(seed: number): number {
  const x = Math.sin(seed * 78.233 + 0.5) * 43_758.5453;
  return x - Math.floor(x);
}

export function pick<T>(weights: readonly (readonly [T, number])[], u: number): T {
  const total = weights.reduce((a, [, w]) => a + w, 0);
  let at = u * total;
  for (const [value, w] of weights) {
    if (at < w) return value;
    at -= w;
  }
  return weights[weights.length - 1]![0];
}

/** Spread of a duration: a long-tailed factor between 0.25 and about 4. */
export const spread = (u: number) => 0.25 + 3.75 * u ** 2.2;

/** Incidents per 1,000 actions at each stage once a pilot has settled into it. */
export const BASE_RATE: Record<Stage, number> = {
  proposed: 0,
  sandbox: 4,
  shadow: 3,
  supervised: 2.2,
  limited_production: 0.9,
  production: 0.35,
};

/** Minutes from start to detection when a pilot is new to the stage (it shrinks with age). */
export const DETECT_MINUTES: Record<Stage, number> = {
  proposed: 0,
  sandbox: 300,
  shadow: 240,
  supervised: 45,
  limited_production: 35,
  production: 20,
};

export const OUTCOMES: Record<Stage, readonly (readonly [Outcome, number])[]> = {
  proposed: [["prevented", 1]],
  sandbox: [["prevented", 1]],
  shadow: [["prevented", 1]],
  supervised: [
    ["prevented", 82],
    ["contained", 16],
    ["customer_impact", 2],
  ],
  limited_production: [
    ["prevented", 40],
    ["contained", 44],
    ["customer_impact", 13],
    ["financial_impact", 3],
  ],
  production: [
    ["prevented", 52],
    ["contained", 38],
    ["customer_impact", 8],
    ["financial_impact", 2],
  ],
};

export const CATEGORIES: Record<"early" | "supervised" | "live", [IncidentCategory, number][]> = {
  early: [
    ["incorrect_output", 45],
    ["stale_data", 20],
    ["identity_mismatch", 20],
    ["integration_failure", 10],
    ["other", 5],
  ],
  supervised: [
    ["incorrect_output", 35],
    ["escalation_mishandled", 18],
    ["stale_data", 15],
    ["identity_mismatch", 12],
    ["approval_bypass", 6],
    ["integration_failure", 10],
    ["other", 4],
  ],
  live: [
    ["integration_failure", 26],
    ["partial_failure", 18],
    ["stale_data", 16],
    ["incorrect_output", 18],
    ["identity_mismatch", 10],
    ["permission_overreach", 4],
    ["escalation_mishandled", 6],
    ["other", 2],
  ],
};

export const TITLES: Record<IncidentCategory, string[]> = {
  stale_data: [
    "Answer quoted an order status that had changed an hour earlier",
    "Routing used yesterday's team roster",
    "Reply cited a tracking event from a stale cache",
    "Price list from the previous quarter used in a draft",
  ],
  identity_mismatch: [
    "Record matched to a customer with the same name",
    "Two accounts merged in the draft reply",
    "Reference number matched the wrong shipment",
  ],
  permission_overreach: [
    "Service account read records outside the pilot's scope",
    "Draft included notes from an internal-only field",
  ],
  integration_failure: [
    "Ticketing API timed out; actions queued for two hours",
    "Webhook from the order system stopped arriving",
    "Rate limit on the carrier API dropped updates",
    "Authentication token expired overnight",
  ],
  partial_failure: [
    "Update written to the ticket but not to the CRM",
    "Batch stopped halfway; half the records changed",
    "Tag applied without the matching assignment",
  ],
  incorrect_output: [
    "Wrong category on a batch of tickets",
    "Priority set too low on an urgent complaint",
    "Reply promised a refund the policy does not allow",
    "Summary left out the customer's actual question",
  ],
  approval_bypass: ["Action above the limit went out without approval"],
  escalation_mishandled: [
    "Complaint about a legal matter was not escalated",
    "Escalation sent to a queue nobody watches on weekends",
  ],
  other: ["Duplicate notifications to the on-call channel", "Log entries missing for an hour"],
};

export const stageGroup = (stage: Stage) =>
  stage === "sandbox" || stage === "shadow"
    ? "early"
    : stage === "supervised"
      ? "supervised"
      : "live";

export function severityFor(outcome: Outcome, u: number): Severity {
  if (outcome === "financial_impact") return u < 0.5 ? "sev1" : "sev2";
  if (outcome === "customer_impact") return u < 0.15 ? "sev1" : u < 0.7 ? "sev2" : "sev3";
  if (outcome === "contained") return u < 0.25 ? "sev2" : u < 0.8 ? "sev3" : "sev4";
  return u < 0.05 ? "sev2" : u < 0.55 ? "sev3" : "sev4";
}

export function detectionFor(
  outcome: Outcome,
  stage: Stage,
  ageDays: number,
  u: number,
): DetectionSource {
  if (outcome === "customer_impact" || outcome === "financial_impact") {
    return u < 0.55 ? "customer" : u < 0.85 ? "automated_check" : "audit";
  }
  // Automated checks take over from reviewers as a pilot matures.
  const automated = Math.min(0.8, 0.1 + ageDays / 400 + (stage === "production" ? 0.2 : 0));
  return u < automated ? "automated_check" : u < 0.97 ? "human_reviewer" : "audit";
}

export function actionsFor(outcome: Outcome, u: number): IncidentAction[] {
  if (outcome === "prevented") return u < 0.7 ? ["fix"] : u < 0.9 ? ["new_guardrail"] : ["none"];
  if (outcome === "contained") return u < 0.5 ? ["rollback", "fix"] : ["fix", "new_guardrail"];
  return ["rollback", "fix", "new_guardrail"];
}

export const RESOLUTION_NOTES: Record<Outcome, string> = {
  prevented: "Fixed the check that let it through; nothing reached a customer.",
  contained: "Reverted the affected records from the run log and fixed the cause.",
  customer_impact:
    "Rolled back, contacted the affected customers, and added a guardrail for this case.",
  financial_impact:
    "Rolled back, refunded or recovered the amounts, and added a guardrail for this case.",
};

export function costFor(outcome: Outcome, u: number): number | null {
  if (outcome === "prevented") return u < 0.6 ? null : Math.round(20 + 80 * u);
  if (outcome === "contained") return Math.round(150 + 850 * u);
  if (outcome === "customer_impact") return Math.round(800 + 4_200 * u);
  return Math.round(4_000 + 21_000 * u);
}

export type DemoIncidentPeriod = {
  stage: Stage;
  /** First day of the period. */
  from: Date;
  days: number;
  /** Actions attempted per day in this stage. */
  volume: number;
  /** When the pilot entered the stage and when it started (age drives maturity). */
  stageEnteredAt: Date;
  pilotStartedAt: Date;
  seed: number;
  now?: Date;
};

/**
 * A period's incidents for the demo: the rate per 1,000 actions falls with each stage and
 * spikes in the fortnight after a promotion; detection gets faster and more automated as the
 * pilot ages; live stages cause impact now and then. Incidents whose resolution would lie in
 * the future are left open.
 */
export function demoIncidents(period: DemoIncidentPeriod): IncidentInput[] {
  const now = period.now ?? new Date();
  const out: IncidentInput[] = [];
  for (let d = 0; d < period.days; d++) {
    const day = new Date(period.from.getTime() + d * DAY);
    if (day.getTime() > now.getTime()) break;
    const daysInStage = (day.getTime() - period.stageEnteredAt.getTime()) / DAY;
    const ageDays = (day.getTime() - period.pilotStartedAt.getTime()) / DAY;
    const spike = 1 + 2.2 * Math.exp(-daysInStage / 7);
    const settling = 1 + 0.6 * Math.exp(-ageDays / 120);
    const expected = (period.volume * BASE_RATE[period.stage] * spike * settling) / 1000;
    const n = Math.floor(expected + uniform(period.seed + d * 13));
    for (let k = 0; k < n; k++) {
      const s = period.seed + d * 131 + k * 17;
      const u = (i: number) => uniform(s + i * 7.3);
      const outcome = pick(OUTCOMES[period.stage], u(1));
      const category = pick(CATEGORIES[stageGroup(period.stage)], u(2));
      const titles = TITLES[category];
      const severity = severityFor(outcome, u(3));
      const detectionSource = detectionFor(outcome, period.stage, ageDays, u(4));
      const maturity = 0.35 + 0.65 * Math.exp(-ageDays / 150);
      const startedAt = new Date(day.getTime() + (7 + 11 * u(5)) * 60 * MINUTE);
      const detect = DETECT_MINUTES[period.stage] * maturity * spread(u(6));
      const urgent = severity === "sev1" || severity === "sev2";
      const ack = (urgent ? 8 : 35) * spread(u(7));
      const mitigate = (urgent ? 40 : 120) * spread(u(8));
      const resolve = (urgent ? 360 : 1_200) * spread(u(9));
      const detectedAt = new Date(startedAt.getTime() + detect * MINUTE);
      const acknowledgedAt = new Date(detectedAt.getTime() + ack * MINUTE);
      const mitigatedAt = new Date(acknowledgedAt.getTime() + mitigate * MINUTE);
      const resolvedAt = new Date(mitigatedAt.getTime() + resolve * MINUTE);
      const past = (at: Date) => (at.getTime() <= now.getTime() ? at : null);
      if (!past(detectedAt)) continue;
      out.push({
        title: titles[Math.floor(u(10) * titles.length)]!,
        description:
          outcome === "prevented"
            ? "Caught before any action reached a customer or a system of record."
            : "Reverted from the run log; affected records were checked one by one.",
        severity,
        category,
        detectionSource,
        outcome,
        startedAt,
        detectedAt,
        acknowledgedAt: past(acknowledgedAt),
        mitigatedAt: past(acknowledgedAt) && past(mitigatedAt),
        resolvedAt: past(mitigatedAt) && past(resolvedAt),
        resolutionNote: past(mitigatedAt) && past(resolvedAt) ? RESOLUTION_NOTES[outcome] : null,
        costEstimate: costFor(outcome, u(11)),
        assumptionId: null,
        actions: past(mitigatedAt) ? actionsFor(outcome, u(12)) : [],
      });
    }
  }
  return out;
}
