import { formatDate } from "@/lib/format";
import { type CriterionResult, signoffCovers } from "../gates";
import { brokenAssumptionWarning, type MetricPeriod, type PilotStatus, periodEnd } from "../pilots";
import { ROLE_LABELS, type Role } from "../roles";
import { BAND_LABELS, BAND_MAX_STAGE, type Band, bandAllowsStage } from "../scoring/bands";
import { STAGE_LABELS, type Stage } from "../stages";
import type { PortfolioSettings } from "./settings";

/** How urgent an item is, most urgent first. */
export const ATTENTION_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type AttentionSeverity = (typeof ATTENTION_SEVERITIES)[number];
export const ATTENTION_SEVERITY_LABELS: Record<AttentionSeverity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const ATTENTION_KINDS = [
  "beyond_band",
  "gate_failing_with_pending_request",
  "open_severe_incidents",
  "broken_assumption_past_shadow",
  "no_run_metrics",
  "stalled",
  "signoff_waiting",
  "reassessment_due",
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];
export const ATTENTION_KIND_LABELS: Record<AttentionKind, string> = {
  beyond_band: "Beyond its band",
  gate_failing_with_pending_request: "Gate failing, promotion pending",
  open_severe_incidents: "Open Sev1/Sev2",
  broken_assumption_past_shadow: "Broken assumption",
  no_run_metrics: "No run metrics",
  stalled: "Stalled",
  signoff_waiting: "Your sign-off",
  reassessment_due: "Re-assess",
};

/** One thing someone should look at: what, why, and where to act (a path inside the organisation). */
export type AttentionItem = {
  kind: AttentionKind;
  severity: AttentionSeverity;
  /** The use case the item is about (pilots are named by their use case). */
  name: string;
  reason: string;
  /** Relative to the organisation's base path: `pilots/…#gate-heading`. */
  href: string;
  /** Label of the link: what the reader does there. */
  action: string;
};

/** What the rules need to know of one live pilot, measured by the caller. */
export type AttentionPilot = {
  id: string;
  name: string;
  stage: Stage;
  status: PilotStatus;
  stageEnteredAt: Date;
  startDate: string;
  /** Band of the use case's latest submitted assessment. */
  band: Band | null;
  /** The move into the current stage overrode the band (who and when), or null. */
  bandOverride: { by: string; at: Date } | null;
  /** The gate out of the current stage's failing criteria (empty when it passes or in production). */
  failing: readonly CriterionResult[];
  /** A promotion past failing criteria waiting for a second approver. */
  pendingRequest: { toStage: Stage; requestedBy: string; at: Date } | null;
  openIncidents: { sev1: number; sev2: number };
  brokenAssumptions: number;
  /** The latest period of run metrics recorded, or null when none ever was. */
  lastMetrics: { period: MetricPeriod; periodStart: string } | null;
  /** Roles whose sign-off the gate still lacks. */
  missingSignoffRoles: readonly Role[];
  /** Whether the reader has already signed off the gate of this stage. */
  signedByMe: boolean;
};

/** A use case with a submitted assessment: when it was last assessed. */
export type AttentionUseCase = { id: string; name: string; assessedAt: Date };

export type AttentionInput = {
  pilots: readonly AttentionPilot[];
  useCases: readonly AttentionUseCase[];
  /** Open Sev1/Sev2 incidents on no pilot (organisation-wide). */
  unattachedSevere: { sev1: number; sev2: number };
  settings: PortfolioSettings;
  /** The reader: sign-offs waiting for them depend on their role. */
  reader: { role: Role; canSignOff: boolean };
  now: Date;
};

const DAY_MS = 86_400_000;
const days = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const stageName = (s: Stage) => STAGE_LABELS[s].toLowerCase();

/** How long without run metrics counts as "two periods": two days, or two weeks. */
const GAP_DAYS: Record<MetricPeriod, number> = { day: 2, week: 14 };

function pilotItems(p: AttentionPilot, input: AttentionInput): AttentionItem[] {
  const items: AttentionItem[] = [];
  const at = (section: string) => `pilots/${p.id}#${section}`;
  const { now, settings } = input;
  const base = { name: p.name };

  if (p.stage !== "proposed" && (p.band === null || !bandAllowsStage(p.band, p.stage))) {
    const allowed =
      p.band === null
        ? "it has no submitted assessment"
        : `its latest assessment (${BAND_LABELS[p.band].toLowerCase()}) allows up to ${stageName(BAND_MAX_STAGE[p.band])}`;
    items.push({
      ...base,
      kind: "beyond_band",
      severity: p.bandOverride ? "high" : "critical",
      reason: p.bandOverride
        ? `Runs in ${stageName(p.stage)} under an override by ${p.bandOverride.by} on ${formatDate(p.bandOverride.at)}, but ${allowed}.`
        : `Runs in ${stageName(p.stage)} without an override, but ${allowed}: roll it back or re-assess.`,
      href: at("gate-heading"),
      action: "Review the pilot",
    });
  }

  if (p.pendingRequest && p.failing.length > 0) {
    items.push({
      ...base,
      kind: "gate_failing_with_pending_request",
      severity: "high",
      reason: `${p.pendingRequest.requestedBy} asked on ${formatDate(p.pendingRequest.at)} to promote it to ${stageName(p.pendingRequest.toStage)} while ${plural(p.failing.length, "gate criterion", "gate criteria")} fail: ${p.failing.map((c) => c.label.toLowerCase()).join("; ")}.`,
      href: at("gate-heading"),
      action: "Decide the request",
    });
  }

  const severe = p.openIncidents.sev1 + p.openIncidents.sev2;
  if (severe > 0) {
    const sev = p.openIncidents.sev1 > 0 ? (p.openIncidents.sev2 > 0 ? null : "sev1") : "sev2";
    items.push({
      ...base,
      kind: "open_severe_incidents",
      severity: p.openIncidents.sev1 > 0 ? "critical" : "high",
      reason: `${[
        p.openIncidents.sev1 ? plural(p.openIncidents.sev1, "open Sev1 incident") : null,
        p.openIncidents.sev2 ? plural(p.openIncidents.sev2, "open Sev2 incident") : null,
      ]
        .filter(Boolean)
        .join(" and ")} in ${stageName(p.stage)}.`,
      href: `incidents?pilot=${p.id}&status=open${sev ? `&severity=${sev}` : ""}`,
      action: "See the incidents",
    });
  }

  if (brokenAssumptionWarning(p.stage, p.brokenAssumptions)) {
    items.push({
      ...base,
      kind: "broken_assumption_past_shadow",
      severity: "high",
      reason: `${plural(p.brokenAssumptions, "assumption")} broken while it acts on real work in ${stageName(p.stage)}.`,
      href: at("assumptions-heading"),
      action: "See the assumptions",
    });
  }

  if (p.status === "active" && p.stage !== "proposed") {
    const period = p.lastMetrics?.period ?? "week";
    const lastDay = p.lastMetrics
      ? new Date(`${periodEnd(p.lastMetrics.period, p.lastMetrics.periodStart)}T00:00:00Z`)
      : null;
    // Counted from the day after the last period covered, or from the start.
    const since = lastDay
      ? new Date(lastDay.getTime() + DAY_MS)
      : new Date(
          Math.max(new Date(`${p.startDate}T00:00:00Z`).getTime(), p.stageEnteredAt.getTime()),
        );
    const quiet = days(since, now);
    if (quiet >= GAP_DAYS[period]) {
      items.push({
        ...base,
        kind: "no_run_metrics",
        severity: "medium",
        reason: lastDay
          ? `No run metrics for ${plural(quiet, "day")}: the last ${period === "day" ? "day" : "week"} recorded ended ${formatDate(lastDay)}.`
          : `No run metrics recorded in ${plural(quiet, "day")} since it started.`,
        href: at("record-metrics-heading"),
        action: "Record run metrics",
      });
    }
  }

  const inStage = days(p.stageEnteredAt, now);
  if (p.stage !== "production" && inStage > settings.stallDays) {
    items.push({
      ...base,
      kind: "stalled",
      severity: "medium",
      reason: `${plural(inStage, "day")} in ${stageName(p.stage)}${p.status === "paused" ? " (paused)" : ""}, more than the ${settings.stallDays} days this organisation allows a stage.`,
      href: at("gate-heading"),
      action: "Move it on or stop it",
    });
  }

  const mine = input.reader.canSignOff
    ? p.missingSignoffRoles.filter((role) => signoffCovers(input.reader.role, role))
    : [];
  if (p.status === "active" && !p.signedByMe && mine.length > 0) {
    items.push({
      ...base,
      kind: "signoff_waiting",
      severity: "medium",
      reason: `The gate out of ${stageName(p.stage)} waits for a sign-off by ${mine.map((r) => ROLE_LABELS[r].toLowerCase()).join(" or ")}, which you can give.`,
      href: at("gate-heading"),
      action: "Sign off",
    });
  }
  return items;
}

/**
 * Everything in the portfolio that needs someone's attention, most severe first (then by
 * name): pilots beyond their band, failing gates with a promotion pending, open Sev1/Sev2
 * incidents, broken assumptions past shadow, missing run metrics, stalled pilots, sign-offs
 * waiting for the reader, and assessments older than the review interval.
 */
export function needsAttention(input: AttentionInput): AttentionItem[] {
  const items = input.pilots
    .filter((p) => p.status !== "retired")
    .flatMap((p) => pilotItems(p, input));
  const { sev1, sev2 } = input.unattachedSevere;
  if (sev1 + sev2 > 0) {
    items.push({
      kind: "open_severe_incidents",
      severity: sev1 > 0 ? "critical" : "high",
      name: "Organisation-wide",
      reason: `${plural(sev1 + sev2, "open Sev1 or Sev2 incident")} not linked to any pilot.`,
      href: `incidents?status=open${sev1 && !sev2 ? "&severity=sev1" : !sev1 ? "&severity=sev2" : ""}`,
      action: "See the incidents",
    });
  }
  for (const u of input.useCases) {
    const age = days(u.assessedAt, input.now);
    if (age > input.settings.reviewIntervalDays) {
      items.push({
        kind: "reassessment_due",
        severity: "low",
        name: u.name,
        reason: `Last assessed ${formatDate(u.assessedAt)}, ${plural(age, "day")} ago: more than the ${input.settings.reviewIntervalDays}-day review interval.`,
        href: `use-cases/${u.id}`,
        action: "Re-assess",
      });
    }
  }
  return sortAttention(items);
}

/** Most severe first, then in the order of the rules, then by name. */
export function sortAttention(items: readonly AttentionItem[]): AttentionItem[] {
  return [...items].sort(
    (a, b) =>
      ATTENTION_SEVERITIES.indexOf(a.severity) - ATTENTION_SEVERITIES.indexOf(b.severity) ||
      ATTENTION_KINDS.indexOf(a.kind) - ATTENTION_KINDS.indexOf(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

/** Missing sign-off roles of a gate evaluation's sign-off criterion, from the criteria list. */
export function missingSignoffRoles(
  required: readonly Role[],
  signoffs: readonly { role: Role }[],
): Role[] {
  return required.filter((role) => !signoffs.some((s) => signoffCovers(s.role, role)));
}
