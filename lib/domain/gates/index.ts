import { formatNumber, formatPercent, formatRate, formatScore } from "@/lib/format";
import { can } from "../permissions";
import { type PilotStatus, type Transition, transitionStateRefusal } from "../pilots";
import { ROLE_LABELS, type Role, roleAtLeast } from "../roles";
import {
  BAND_LABELS,
  BAND_MAX_STAGE,
  type Band,
  bandAllowsStage,
  bandNeededFor,
} from "../scoring/bands";
import { STAGE_LABELS, STAGES, type Stage, stageIndex } from "../stages";

/** The kinds of exit criteria a stage gate can hold. */
export const CRITERION_KINDS = [
  "band_allows_stage",
  "min_readiness_score",
  "min_days_in_stage",
  "min_actions_observed",
  "min_accuracy",
  "max_override_rate",
  "no_open_sev1_sev2",
  "max_incident_rate_per_1000",
  "assumptions_resolved",
  "rollback_plan_recorded",
  "required_signoffs",
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export type GateCriterion =
  | {
      kind: "min_readiness_score" | "min_days_in_stage" | "min_actions_observed";
      threshold: number;
    }
  | { kind: "min_accuracy" | "max_override_rate" | "max_incident_rate_per_1000"; threshold: number }
  | {
      kind:
        | "band_allows_stage"
        | "no_open_sev1_sev2"
        | "assumptions_resolved"
        | "rollback_plan_recorded";
    }
  | { kind: "required_signoffs"; roles: Role[] };

/** Stages a pilot can be promoted out of (production is the last). */
export type GatedStage = Exclude<Stage, "production">;

/**
 * The criterion every gate holds whatever an organisation tunes: the band of the latest
 * assessment must allow the stage the pilot is entering, or an owner or admin overrides it.
 */
export const BAND_CRITERION: GateCriterion = { kind: "band_allows_stage" };

/** What must hold to leave each stage for the next one, unless an organisation tunes it. */
export const DEFAULT_GATE_CRITERIA: Record<GatedStage, GateCriterion[]> = {
  proposed: [
    BAND_CRITERION,
    { kind: "min_readiness_score", threshold: 30 },
    { kind: "rollback_plan_recorded" },
  ],
  sandbox: [
    BAND_CRITERION,
    { kind: "min_readiness_score", threshold: 40 },
    { kind: "min_days_in_stage", threshold: 7 },
    { kind: "rollback_plan_recorded" },
  ],
  shadow: [
    BAND_CRITERION,
    { kind: "min_readiness_score", threshold: 50 },
    { kind: "min_days_in_stage", threshold: 14 },
    { kind: "min_actions_observed", threshold: 200 },
    { kind: "min_accuracy", threshold: 0.9 },
    { kind: "no_open_sev1_sev2" },
  ],
  supervised: [
    BAND_CRITERION,
    { kind: "min_readiness_score", threshold: 65 },
    { kind: "min_days_in_stage", threshold: 21 },
    { kind: "min_actions_observed", threshold: 500 },
    { kind: "min_accuracy", threshold: 0.95 },
    { kind: "max_override_rate", threshold: 0.1 },
    { kind: "no_open_sev1_sev2" },
    { kind: "required_signoffs", roles: ["lead"] },
  ],
  limited_production: [
    BAND_CRITERION,
    { kind: "min_readiness_score", threshold: 80 },
    { kind: "min_days_in_stage", threshold: 30 },
    { kind: "min_actions_observed", threshold: 2000 },
    { kind: "min_accuracy", threshold: 0.97 },
    { kind: "max_override_rate", threshold: 0.05 },
    { kind: "max_incident_rate_per_1000", threshold: 2 },
    { kind: "no_open_sev1_sev2" },
    { kind: "assumptions_resolved" },
    { kind: "required_signoffs", roles: ["lead", "admin"] },
  ],
};

/** Plain data the gate is checked against: measured, never typed in as a checkbox. */
export type GateSnapshot = {
  stage: Stage;
  stageEnteredAt: Date;
  /** Overall score of the latest submitted assessment, or null. */
  readinessScore: number | null;
  /** Band of the latest submitted assessment, or null. */
  readinessBand: Band | null;
  /** Run metrics totals while in the current stage. */
  metrics: { attempted: number; correct: number; overrides: number; escalations: number };
  openIncidents: { sev1: number; sev2: number; sev3: number; sev4: number };
  incidentsInStage: number;
  assumptions: { status: "open" | "verified" | "accepted_risk" | "broken" }[];
  rollbackPlan: string | null;
  signoffs: { role: Role; userId: string }[];
};

export type CriterionResult = {
  kind: CriterionKind;
  label: string;
  /** The requirement, with its unit. */
  threshold: string;
  /** What was measured, with its unit, or "no data". */
  measured: string;
  pass: boolean;
};

/** A sign-off of one gate criterion: who (and in which role), when, with what note. */
export type GateSignoff = {
  id: string;
  criterion: string;
  userId: string;
  userName: string | null;
  role: Role;
  note: string | null;
  createdAt: Date;
};

export type GateEvaluation = { stage: Stage; pass: boolean; criteria: CriterionResult[] };

/** Actions correct per action attempted, or null without actions. */
export function accuracy(correct: number, attempted: number): number | null {
  return attempted > 0 ? correct / attempted : null;
}

/** Human overrides per action attempted, or null without actions. */
export function overrideRate(overrides: number, attempted: number): number | null {
  return attempted > 0 ? overrides / attempted : null;
}

/** Escalations per action attempted, or null without actions. */
export function escalationRate(escalations: number, attempted: number): number | null {
  return attempted > 0 ? escalations / attempted : null;
}

/** Incidents per 1,000 actions attempted, or null without actions. */
export function incidentRatePer1000(incidents: number, attempted: number): number | null {
  return attempted > 0 ? (incidents / attempted) * 1000 : null;
}

const DAY_MS = 86_400_000;

/** Checks each criterion of a gate against the snapshot at time `now`. */
export function evaluateGate(
  criteria: readonly GateCriterion[],
  snapshot: GateSnapshot,
  now: Date,
): GateEvaluation {
  const results = criteria.map((c) => evaluateCriterion(c, snapshot, now));
  return { stage: snapshot.stage, pass: results.every((r) => r.pass), criteria: results };
}

function evaluateCriterion(c: GateCriterion, snapshot: GateSnapshot, now: Date): CriterionResult {
  const { metrics } = snapshot;
  switch (c.kind) {
    case "band_allows_stage": {
      const band = snapshot.readinessBand;
      const target = STAGES[stageIndex(snapshot.stage) + 1] ?? snapshot.stage;
      return {
        kind: c.kind,
        label: "Readiness band allows the next stage",
        threshold: `${BAND_LABELS[bandNeededFor(target)].toLowerCase()} or better for ${STAGE_LABELS[target].toLowerCase()}`,
        measured:
          band === null
            ? "no submitted assessment"
            : `${BAND_LABELS[band].toLowerCase()} (allows up to ${STAGE_LABELS[BAND_MAX_STAGE[band]].toLowerCase()})`,
        pass: band !== null && bandAllowsStage(band, target),
      };
    }
    case "min_readiness_score": {
      const v = snapshot.readinessScore;
      return {
        kind: c.kind,
        label: "Readiness score of the latest assessment",
        threshold: `at least ${formatScore(c.threshold)} / 100`,
        measured: v === null ? "no submitted assessment" : `${formatScore(v)} / 100`,
        // The stored score, unrounded: 49.6 is below 50 even though it reads close to it.
        pass: v !== null && v >= c.threshold,
      };
    }
    case "min_days_in_stage": {
      const days = Math.floor((now.getTime() - snapshot.stageEnteredAt.getTime()) / DAY_MS);
      return {
        kind: c.kind,
        label: "Time in this stage",
        threshold: `at least ${c.threshold} days`,
        measured: `${Math.max(0, days)} days`,
        pass: days >= c.threshold,
      };
    }
    case "min_actions_observed":
      return {
        kind: c.kind,
        label: "Actions observed in this stage",
        threshold: `at least ${formatNumber(c.threshold, 0)}`,
        measured: formatNumber(metrics.attempted, 0),
        pass: metrics.attempted >= c.threshold,
      };
    case "min_accuracy": {
      const v = accuracy(metrics.correct, metrics.attempted);
      return {
        kind: c.kind,
        label: "Accuracy (correct ÷ attempted actions)",
        threshold: `at least ${formatPercent(c.threshold)}`,
        measured: v === null ? "no data" : formatPercent(v),
        pass: v !== null && v >= c.threshold,
      };
    }
    case "max_override_rate": {
      const v = overrideRate(metrics.overrides, metrics.attempted);
      return {
        kind: c.kind,
        label: "Human override rate (overrides ÷ attempted actions)",
        threshold: `at most ${formatPercent(c.threshold)}`,
        measured: v === null ? "no data" : formatPercent(v),
        pass: v !== null && v <= c.threshold,
      };
    }
    case "max_incident_rate_per_1000": {
      const v = incidentRatePer1000(snapshot.incidentsInStage, metrics.attempted);
      return {
        kind: c.kind,
        label: "Incidents per 1,000 actions in this stage",
        threshold: `at most ${formatRate(c.threshold)}`,
        measured: v === null ? "no data" : formatRate(v),
        pass: v !== null && v <= c.threshold,
      };
    }
    case "no_open_sev1_sev2": {
      const open = snapshot.openIncidents.sev1 + snapshot.openIncidents.sev2;
      return {
        kind: c.kind,
        label: "Open Sev1 or Sev2 incidents",
        threshold: "none",
        measured: open === 0 ? "none" : `${open} open`,
        pass: open === 0,
      };
    }
    case "assumptions_resolved": {
      const unresolved = snapshot.assumptions.filter(
        (a) => a.status === "open" || a.status === "broken",
      ).length;
      return {
        kind: c.kind,
        label: "Assumptions verified or accepted as a risk",
        threshold: "all of them",
        measured:
          unresolved === 0 ? `all ${snapshot.assumptions.length}` : `${unresolved} open or broken`,
        pass: unresolved === 0,
      };
    }
    case "rollback_plan_recorded": {
      const has = Boolean(snapshot.rollbackPlan?.trim());
      return {
        kind: c.kind,
        label: "Rollback plan recorded",
        threshold: "recorded",
        measured: has ? "recorded" : "missing",
        pass: has,
      };
    }
    case "required_signoffs": {
      const missing = c.roles.filter(
        (role) => !snapshot.signoffs.some((s) => signoffCovers(s.role, role)),
      );
      return {
        kind: c.kind,
        label: "Sign-offs",
        threshold: c.roles.map((r) => ROLE_LABELS[r]).join(" and "),
        measured:
          missing.length === 0
            ? "all signed"
            : `missing: ${missing.map((r) => ROLE_LABELS[r]).join(", ")}`,
        pass: missing.length === 0,
      };
    }
    default: {
      const unknown: never = c;
      throw new Error(`unknown gate criterion ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * A sign-off by `signer` satisfies a requirement for `required` when the signer holds that role,
 * or is an owner or admin (who may sign for any role at or below theirs).
 */
export function signoffCovers(signer: Role, required: Role): boolean {
  if (signer === required) return true;
  return (signer === "owner" || signer === "admin") && roleAtLeast(signer, required);
}

export type { Transition };

export type PromotionCheck =
  | { ok: true; overridden: CriterionResult[] }
  | {
      ok: false;
      code:
        | "invalid_state"
        | "invalid_transition"
        | "gate_failed"
        | "override_not_allowed"
        | "justification_required"
        | "self_approval";
      message: string;
      failing: CriterionResult[];
    };

export const MIN_JUSTIFICATION = 10;

/** Overriding failing criteria needs a longer justification, one that answers each of them. */
export const MIN_OVERRIDE_JUSTIFICATION = 20;

/**
 * Whether a transition may happen. The pilot's status must allow it (the state machine in
 * lib/domain/pilots). Promotion goes one stage forward and needs the gate to pass, unless
 * someone with `pilot:override` overrides the failing criteria with a written justification.
 * Rolling back, pausing and retiring are always allowed with a reason. Evaluate the gate with
 * `countableSignoffs` so that nobody is the only approver of their own promotion.
 */
export function checkTransition(input: {
  transition: Transition;
  /** The pilot's status now. */
  status: PilotStatus;
  evaluation: GateEvaluation | null;
  requesterId: string;
  requesterRole: Role;
  reason?: string;
  override?: boolean;
}): PromotionCheck {
  const { transition } = input;
  const reason = input.reason?.trim() ?? "";
  const refusal = transitionStateRefusal(input.status, transition);
  if (refusal) {
    return {
      ok: false,
      code: refusal.code === "conflict" ? "invalid_state" : "invalid_transition",
      message: refusal.message,
      failing: [],
    };
  }
  if (transition.type !== "promote") {
    if (
      transition.type === "rollback" &&
      stageIndex(transition.to) >= stageIndex(transition.from)
    ) {
      return {
        ok: false,
        code: "invalid_transition",
        message: "A rollback must go to an earlier stage.",
        failing: [],
      };
    }
    if (reason.length < MIN_JUSTIFICATION) {
      return {
        ok: false,
        code: "justification_required",
        message: `Say why, in at least ${MIN_JUSTIFICATION} characters: it goes on the timeline.`,
        failing: [],
      };
    }
    return { ok: true, overridden: [] };
  }
  if (stageIndex(transition.to) !== stageIndex(transition.from) + 1) {
    const next = STAGES[stageIndex(transition.from) + 1];
    return {
      ok: false,
      code: "invalid_transition",
      message: next
        ? `A pilot in ${STAGE_LABELS[transition.from].toLowerCase()} can only be promoted to ${STAGE_LABELS[next].toLowerCase()}.`
        : "A pilot in production cannot be promoted further.",
      failing: [],
    };
  }
  const criteria = input.evaluation?.criteria ?? [];
  const failing = criteria.filter((c) => !c.pass);
  if (failing.length === 0) return { ok: true, overridden: [] };
  if (!input.override) {
    return {
      ok: false,
      code: "gate_failed",
      message: `The gate out of ${STAGE_LABELS[transition.from].toLowerCase()} is not met: ${failing.map((f) => f.label.toLowerCase()).join("; ")}.`,
      failing,
    };
  }
  if (!can({ role: input.requesterRole }, "pilot:override")) {
    return {
      ok: false,
      code: "override_not_allowed",
      message: "Only an owner or admin can override a gate.",
      failing,
    };
  }
  if (reason.length < MIN_OVERRIDE_JUSTIFICATION) {
    return {
      ok: false,
      code: "justification_required",
      message: overrideJustificationMessage(failing),
      failing,
    };
  }
  return { ok: true, overridden: failing };
}

/**
 * Sign-offs that count for a promotion: the requester's own sign-off cannot be the only one
 * covering a required role.
 */
export function countableSignoffs(
  signoffs: readonly { role: Role; userId: string }[],
  requesterId: string,
): { role: Role; userId: string }[] {
  return signoffs.filter((s) => s.userId !== requesterId);
}

/** What an override's justification must cover: its length and the criteria it overrides. */
export function overrideJustificationMessage(failing: readonly CriterionResult[]): string {
  return `Overriding a gate needs a written justification of at least ${MIN_OVERRIDE_JUSTIFICATION} characters that answers each failing criterion: ${failing.map((f) => `${f.label.toLowerCase()} (needs ${f.threshold}, measured ${f.measured})`).join("; ")}.`;
}
