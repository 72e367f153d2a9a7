import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatScore,
} from "@/lib/format";
import {
  ACCESS_LABELS,
  BLAST_RADIUS_LABELS,
  FREQUENCY_LABELS,
  REVERSIBILITY_LABELS,
} from "./actions";
import { CATEGORY_LABELS, DETECTION_LABELS, OUTCOME_LABELS, SEVERITY_LABELS } from "./incidents";
import { ASSUMPTION_STATUS_LABELS, PILOT_STATUS_LABELS } from "./pilots";
import { QUESTION_BANKS } from "./question-bank";
import { ROLE_LABELS } from "./roles";
import { BAND_LABELS } from "./scoring/bands";
import { STAGE_LABELS, type Stage, stageIndex } from "./stages";
import { BUSINESS_VALUE_LABELS, USE_CASE_STATUS_LABELS } from "./use-cases";
import { WORKSHOP_PACE_LABELS, WORKSHOP_STATE_LABELS } from "./workshops";

/**
 * The audit log in words: one sentence per event ("Dana promoted Refunds to limited
 * production, overriding 2 failing criteria: …") and its changed fields as a before/after
 * table with readable labels and values. Pure: names the event only refers to by id (use
 * cases, people, assumptions) come in as `names`, looked up by the caller.
 */

/** Every action the app writes to the audit log. */
export const AUDIT_ACTIONS = [
  "organisation.created",
  "organisation.updated",
  "organisation.exported",
  "organisation.imported",
  "gates.updated",
  "gates.override_policy_updated",
  "portfolio.settings_updated",
  "member.added",
  "member.joined",
  "member.role_changed",
  "member.removed",
  "member.left",
  "invitation.created",
  "invitation.revoked",
  "api_token.created",
  "api_token.revoked",
  "use_case.created",
  "use_case.updated",
  "use_case.archived",
  "use_case.restored",
  "inventory_action.added",
  "inventory_action.updated",
  "inventory_action.removed",
  "assessment.started",
  "assessment.answered",
  "assessment.submitted",
  "pilot.started",
  "pilot.updated",
  "pilot.promoted",
  "pilot.promoted_with_override",
  "pilot.override_requested",
  "pilot.override_approved",
  "pilot.override_rejected",
  "pilot.override_withdrawn",
  "pilot.rolled_back",
  "pilot.paused",
  "pilot.resumed",
  "pilot.retired",
  "pilot.signed_off",
  "pilot.signoff_withdrawn",
  "run_metrics.recorded",
  "run_metrics.updated",
  "assumption.added",
  "assumption.updated",
  "incident.created",
  "incident.updated",
  "incident.resolved",
  "incident.reopened",
  "user.disabled",
  "user.enabled",
  "user.verification_email_sent",
  "user.email_verified",
  "user.password_reset_requested",
  "user.password_reset",
  "user.password_changed",
  "user.sessions_ended",
  "workshop.created",
  "workshop.updated",
  "workshop.opened",
  "workshop.paused",
  "workshop.closed",
  "workshop.led",
  "workshop.joined",
  "workshop.consensus_recorded",
  "workshop.converted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a sentence needs to know about an event (the shape the audit log is read in). */
export type AuditEventForSentence = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorType: "user" | "token" | "system";
  actorLabel: string;
  actorEmail: string | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
};

/** Names the events refer to by id, looked up in the organisation when the log is read. */
export type AuditNames = {
  /** Use case names, by use case id. */
  useCases: Record<string, string>;
  /** The name of each pilot's use case, by pilot id. */
  pilots: Record<string, string>;
  /** The name of each assessment's use case, by assessment id. */
  assessments: Record<string, string>;
  /** People, by user id: their display name, or their email. */
  people: Record<string, string>;
  /** Assumption statements, by assumption id. */
  assumptions: Record<string, string>;
};

export const NO_AUDIT_NAMES: AuditNames = {
  useCases: {},
  pilots: {},
  assessments: {},
  people: {},
  assumptions: {},
};

export type AuditSentenceContext = {
  names: AuditNames;
  /** The organisation's currency, for amounts. */
  currency: string;
};

/** The ids an event refers to whose names the sentence and the table need. */
export type AuditReferences = {
  useCaseIds: string[];
  pilotIds: string[];
  assessmentIds: string[];
  userIds: string[];
  assumptionIds: string[];
};

type Json = Record<string, unknown>;

const obj = (value: unknown): Json =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const str = (value: unknown): string | null =>
  typeof value === "string" && value !== "" ? value : null;
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
const label = <K extends string>(labels: Record<K, string>, value: unknown): string | null =>
  typeof value === "string" && value in labels ? labels[value as K] : str(value);
const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const quoted = (text: string) => `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`;
const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
const stage = (value: unknown) => lower(label(STAGE_LABELS, value) ?? "an unknown stage");
const role = (value: unknown) => label(ROLE_LABELS, value) ?? "an unknown role";
const list = (items: string[]) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

/** Short names of gate criteria, as a sentence uses them ("accuracy at least 95%"). */
const CRITERION_NAMES: Record<string, string> = {
  band_allows_stage: "readiness band",
  min_readiness_score: "readiness score",
  min_days_in_stage: "time in stage",
  min_actions_observed: "actions observed",
  min_accuracy: "accuracy",
  max_override_rate: "override rate",
  no_open_sev1_sev2: "open Sev1 or Sev2 incidents",
  max_incident_rate_per_1000: "incidents per 1,000 actions",
  assumptions_resolved: "assumptions resolved",
  rollback_plan_recorded: "rollback plan",
  required_signoffs: "sign-offs",
};
const criterionName = (kind: unknown) =>
  (typeof kind === "string" ? CRITERION_NAMES[kind] : undefined) ?? str(kind) ?? "a criterion";

/** A configured gate criterion in words: "accuracy at least 95%", "sign-offs by Lead and Admin". */
function describeCriterion(value: unknown): string {
  const c = obj(value);
  const threshold = num(c.threshold);
  const name = criterionName(c.kind);
  switch (c.kind) {
    case "min_readiness_score":
      return `${name} at least ${threshold ?? "?"} / 100`;
    case "min_days_in_stage":
      return `${name} at least ${plural(threshold ?? 0, "day")}`;
    case "min_actions_observed":
      return `${name} at least ${formatNumber(threshold, 0)}`;
    case "min_accuracy":
      return `${name} at least ${formatPercent(threshold, 1).replace(".0%", "%")}`;
    case "max_override_rate":
      return `${name} at most ${formatPercent(threshold, 1).replace(".0%", "%")}`;
    case "max_incident_rate_per_1000":
      return `${name} at most ${formatNumber(threshold)}`;
    case "required_signoffs":
      return `${name} by ${list((Array.isArray(c.roles) ? c.roles : []).map(role))}`;
    case "no_open_sev1_sev2":
      return "no open Sev1 or Sev2 incidents";
    case "assumptions_resolved":
      return "every assumption verified or accepted";
    case "rollback_plan_recorded":
      return "a rollback plan recorded";
    case "band_allows_stage":
      return "a readiness band that allows the stage";
    default:
      return name;
  }
}

/** Who acted, as the sentence opens: the person's name, the token, or the tool. */
export function auditActorName(event: AuditEventForSentence): string {
  if (event.actorType === "user") return event.actorName || event.actorEmail || event.actorLabel;
  return capitalise(event.actorLabel);
}

/** The names an event needs looked up (use cases, pilots, people, assumptions). */
export function auditReferences(events: readonly AuditEventForSentence[]): AuditReferences {
  const refs = {
    useCaseIds: new Set<string>(),
    pilotIds: new Set<string>(),
    assessmentIds: new Set<string>(),
    userIds: new Set<string>(),
    assumptionIds: new Set<string>(),
  };
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value)) set.add(value);
  };
  for (const e of events) {
    if (e.entityType === "use_case") add(refs.useCaseIds, e.entityId);
    if (e.entityType === "pilot") add(refs.pilotIds, e.entityId);
    if (e.entityType === "assessment") add(refs.assessmentIds, e.entityId);
    if (e.entityType === "user") add(refs.userIds, e.entityId);
    for (const side of [obj(e.before), obj(e.after)]) {
      add(refs.useCaseIds, side.useCaseId);
      add(refs.pilotIds, side.pilotId);
      add(refs.userIds, side.userId);
      add(refs.userIds, side.ownerId);
      add(refs.assumptionIds, side.assumptionId);
    }
  }
  return {
    useCaseIds: [...refs.useCaseIds],
    pilotIds: [...refs.pilotIds],
    assessmentIds: [...refs.assessmentIds],
    userIds: [...refs.userIds],
    assumptionIds: [...refs.assumptionIds],
  };
}

/** Words for the fields the log records; others are spelt out from their key. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  slug: "Address",
  currency: "Currency",
  description: "Description",
  ownerId: "Owner",
  userId: "Person",
  businessValue: "Business value",
  annualValue: "Annual value",
  systems: "Systems touched",
  status: "Status",
  archivedAt: "Archived",
  role: "Role",
  email: "Email",
  expiresAt: "Expires",
  tokenPrefix: "Token starts with",
  stage: "Stage",
  recommendedStage: "Recommended stage",
  startDate: "Start date",
  targetDate: "Target date",
  rollbackPlan: "Rollback plan",
  justification: "Justification",
  reason: "Reason",
  assumptions: "Assumptions from the assessment",
  criterion: "Criterion",
  note: "Note",
  overall: "Readiness score",
  band: "Band",
  confidence: "Confidence",
  bankVersion: "Question bank",
  prefilled: "Answers carried over",
  notCarried: "Answers not carried over",
  period: "Period",
  periodStart: "Period starting",
  attempted: "Actions attempted",
  correct: "Correct actions",
  overrides: "Human overrides",
  escalations: "Escalations",
  source: "Source",
  title: "Title",
  severity: "Severity",
  category: "Category",
  detectionSource: "Detected by",
  outcome: "Outcome",
  startedAt: "Started",
  detectedAt: "Detected",
  acknowledgedAt: "Acknowledged",
  mitigatedAt: "Mitigated",
  resolvedAt: "Resolved",
  costEstimate: "Cost estimate",
  actions: "Actions taken",
  evidence: "Evidence",
  text: "Assumption",
  pilotId: "Pilot",
  disabledAt: "Disabled",
  sessionsEnded: "Sessions ended",
  system: "System",
  access: "Access",
  reversibility: "Reversibility",
  blastRadius: "Blast radius",
  frequency: "Frequency",
  invitationsRevoked: "Invitations revoked",
  overridden: "Overridden criteria",
  stallDays: "Stalled after (days in a stage)",
  reviewIntervalDays: "Re-assess after (days)",
  roleTags: "Role tags",
  pace: "Pace",
  anonymous: "Anonymous answers",
  currentDimension: "Dimension the room is on",
  ...Object.fromEntries(
    Object.entries(STAGE_LABELS).map(([s, l]) => [s, `Gate out of ${lower(l)}`]),
  ),
};

/** Fields that identify rather than describe: the sentence names what they point to. */
const HIDDEN_FIELDS = new Set([
  "id",
  "version",
  "useCaseId",
  "assumptionId",
  "previousId",
  "invitationId",
  "assessmentId",
  "answers",
]);

/** "detectionSource" → "Detection source". */
function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? capitalise(key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
}

const INCIDENT_ACTION_LABELS: Record<string, string> = {
  rollback: "Rollback",
  fix: "Fix",
  new_guardrail: "New guardrail",
  none: "None",
};
const ASSESSMENT_STATUS_LABELS: Record<string, string> = {
  in_progress: "In progress",
  submitted: "Submitted",
};

/** A recorded value in words: stages, roles and statuses by label, dates and money formatted. */
function formatValue(
  key: string,
  value: unknown,
  event: AuditEventForSentence,
  ctx: AuditSentenceContext,
): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    const items = value.map((v) =>
      key === "overridden"
        ? `${criterionName(obj(v).kind)} ${str(obj(v).threshold) ?? ""} (measured ${str(obj(v).measured) ?? "?"})`
        : key in STAGE_LABELS
          ? describeCriterion(v)
          : key === "actions"
            ? (label(INCIDENT_ACTION_LABELS, v) ?? String(v))
            : key === "invitationsRevoked" || key === "notCarried"
              ? null
              : formatValue(key, v, event, ctx),
    );
    if (items.every((i) => i === null)) return formatNumber(value.length, 0);
    // Criteria read as clauses with commas of their own; plain lists take commas.
    const separator = key === "overridden" || key in STAGE_LABELS ? "; " : ", ";
    return items.filter((i) => i !== null).join(separator);
  }
  switch (key) {
    case "stage":
    case "recommendedStage":
      return label(STAGE_LABELS, value) ?? String(value);
    case "role":
      return label(ROLE_LABELS, value) ?? String(value);
    case "status":
      if (event.action.startsWith("assumption.")) {
        return label(ASSUMPTION_STATUS_LABELS, value) ?? String(value);
      }
      if (event.entityType === "pilot") return label(PILOT_STATUS_LABELS, value) ?? String(value);
      if (event.entityType === "assessment") {
        return label(ASSESSMENT_STATUS_LABELS, value) ?? String(value);
      }
      return label(USE_CASE_STATUS_LABELS, value) ?? String(value);
    case "annualValue":
    case "costEstimate":
      return typeof value === "number" ? formatMoney(value, ctx.currency) : String(value);
    case "businessValue":
      return BUSINESS_VALUE_LABELS[Number(value)] ?? String(value);
    case "band":
      return label(BAND_LABELS, value) ?? String(value);
    case "overall":
      return typeof value === "number" ? `${formatScore(value)} / 100` : String(value);
    case "confidence":
      return typeof value === "number" ? formatPercent(value, 0) : String(value);
    case "severity":
      return label(SEVERITY_LABELS, value) ?? String(value);
    case "category":
      return label(CATEGORY_LABELS, value) ?? String(value);
    case "detectionSource":
      return label(DETECTION_LABELS, value) ?? String(value);
    case "outcome":
      return label(OUTCOME_LABELS, value) ?? String(value);
    case "access":
      return label(ACCESS_LABELS, value) ?? String(value);
    case "reversibility":
      return label(REVERSIBILITY_LABELS, value) ?? String(value);
    case "blastRadius":
      return label(BLAST_RADIUS_LABELS, value) ?? String(value);
    case "frequency":
      return label(FREQUENCY_LABELS, value) ?? String(value);
    case "ownerId":
    case "userId":
      return (typeof value === "string" && ctx.names.people[value]) || "A former member";
    case "pilotId":
      return typeof value === "string" && ctx.names.pilots[value]
        ? `Pilot of ${ctx.names.pilots[value]}`
        : "A pilot";
    case "currency":
      return String(value);
    case "overridesNeedSecondApprover":
      return value === true ? "Second approver needed" : "No second approver";
    case "period":
      return value === "week" ? "Week" : value === "day" ? "Day" : String(value);
    case "criterion":
      return capitalise(criterionName(value));
    case "state":
      return label(WORKSHOP_STATE_LABELS, value) ?? String(value);
    case "pace":
      return label(WORKSHOP_PACE_LABELS, value) ?? String(value);
    case "dimensions":
    case "currentDimension":
      return dimensionTitle(value);
  }
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTime(value);
    return value;
  }
  return JSON.stringify(value);
}

export type AuditChange = {
  field: string;
  /** The field in words ("Annual value"). */
  label: string;
  /** Formatted value before ("—" when the event created it). */
  before: string;
  /** Formatted value after ("—" when the event removed it). */
  after: string;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields an event changed, in words: for an edit, those whose value differs; for a
 * creation or a removal, every value recorded. Identifiers the sentence already names are
 * left out.
 */
export function auditChanges(
  event: AuditEventForSentence,
  ctx: AuditSentenceContext,
): AuditChange[] {
  const before = obj(event.before);
  const after = obj(event.after);
  const hasBefore = event.before !== null && event.before !== undefined;
  const hasAfter = event.after !== null && event.after !== undefined;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const edit = hasBefore && hasAfter;
  return (
    keys
      .filter((key) => !HIDDEN_FIELDS.has(key))
      .filter((key) => !edit || !same(before[key], after[key]))
      .map((key) => ({
        field: key,
        label: fieldLabel(key),
        before: key in before ? formatValue(key, before[key], event, ctx) : "—",
        after: key in after ? formatValue(key, after[key], event, ctx) : "—",
      }))
      // Something created or removed: the values it had, not the ones it lacked.
      .filter((c) => edit || (hasAfter ? c.after : c.before) !== "—")
  );
}

/** Labels of the fields an edit changed, for "edited Refunds (annual value and owner)". */
function changedFields(event: AuditEventForSentence, ctx: AuditSentenceContext): string {
  const fields = auditChanges(event, ctx).map((c) => lower(c.label));
  return fields.length ? ` (${list(fields)})` : ", changing nothing";
}

/** " Reason: “…”." when the event records one. */
function withReason(value: unknown, lead = "Reason"): string {
  const reason = str(value)?.trim();
  if (!reason) return "";
  return ` ${lead}: ${quoted(reason)}${/[.!?…]$/.test(reason) ? "" : "."}`;
}

type Describe = (
  e: AuditEventForSentence,
  ctx: AuditSentenceContext,
  parts: { who: string; before: Json; after: Json },
) => string;

const caseName = (e: AuditEventForSentence, ctx: AuditSentenceContext, useCaseId?: unknown) =>
  (typeof useCaseId === "string" && ctx.names.useCases[useCaseId]) ||
  (e.entityId && e.entityType === "use_case" && ctx.names.useCases[e.entityId]) ||
  "a use case";
/** "the use case Refunds", or "a use case" when its name is gone. */
const theUseCase = (e: AuditEventForSentence, ctx: AuditSentenceContext) => {
  const name = e.entityId ? ctx.names.useCases[e.entityId] : undefined;
  return name ? `the use case ${name}` : "a use case";
};
/** The name of the pilot's use case ("Refunds"), or "a pilot". */
const pilotOf = (e: AuditEventForSentence, ctx: AuditSentenceContext) =>
  (e.entityId && ctx.names.pilots[e.entityId]) || "a pilot";
/** "the pilot of Refunds", or "a pilot". */
const thePilot = (e: AuditEventForSentence, ctx: AuditSentenceContext) => {
  const name = e.entityId ? ctx.names.pilots[e.entityId] : undefined;
  return name ? `the pilot of ${name}` : "a pilot";
};
const assessedUseCase = (e: AuditEventForSentence, ctx: AuditSentenceContext) =>
  (e.entityId && ctx.names.assessments[e.entityId]) || "a use case";
const personOf = (ctx: AuditSentenceContext, userId: unknown, email?: unknown) =>
  str(email) ?? ((typeof userId === "string" && ctx.names.people[userId]) || "a former member");
const assumptionOf = (ctx: AuditSentenceContext, side: Json) =>
  str(side.text) ??
  ((typeof side.assumptionId === "string" && ctx.names.assumptions[side.assumptionId]) || null);
const accountOf = (e: AuditEventForSentence, ctx: AuditSentenceContext, side: Json) =>
  str(side.email) ?? ((e.entityId && ctx.names.people[e.entityId]) || "an account");

function runMetricsSentence(verb: string): Describe {
  return (e, ctx, { who, after }) => {
    const period = after.period === "week" ? "week" : "day";
    const values = [
      plural(num(after.attempted) ?? 0, "action"),
      `${formatNumber(num(after.correct), 0)} correct`,
      plural(num(after.overrides) ?? 0, "override"),
      plural(num(after.escalations) ?? 0, "escalation"),
    ];
    return `${who} ${verb} run metrics for ${pilotOf(e, ctx)} for the ${period} of ${formatDate(str(after.periodStart))}: ${list(values)}.`;
  };
}

/** A question bank dimension's title ("Process"), whichever bank has it. */
function dimensionTitle(id: unknown): string {
  for (const bank of Object.values(QUESTION_BANKS)) {
    const found = bank.dimensions.find((d) => d.id === id);
    if (found) return found.title;
  }
  return str(id) ?? "a dimension";
}

/** "the workshop “Refunds kick-off”", or "a workshop" when the title was not recorded. */
const theWorkshop = (side: Json) => {
  const title = str(side.title);
  return title ? `the workshop ${quoted(title)}` : "a workshop";
};

function transitionSentence(verb: string): Describe {
  return (e, ctx, { who, before, after }) =>
    `${who} ${verb} ${thePilot(e, ctx)} in ${stage(after.stage ?? before.stage)}.${withReason(after.reason)}`;
}

const SENTENCES: Record<AuditAction, Describe> = {
  "organisation.created": (_e, _c, { who, after }) =>
    `${`${who} created the organisation ${str(after.name) ?? ""}`.trimEnd()}.`,
  "organisation.updated": (_e, _c, { who, before, after }) => {
    const changes: string[] = [];
    if (!same(before.name, after.name)) {
      changes.push(`renamed the organisation from ${str(before.name)} to ${str(after.name)}`);
    }
    if (after.currency !== undefined && !same(before.currency, after.currency)) {
      changes.push(
        `${changes.length ? "changed its" : "changed the organisation's"} currency from ${str(before.currency) ?? "GBP"} to ${str(after.currency)}`,
      );
    }
    return changes.length
      ? `${who} ${changes.join(" and ")}.`
      : `${who} saved the organisation's settings without changing them.`;
  },
  "organisation.exported": (_e, _c, { who, after }) =>
    `${who} exported the whole organisation as a file (${list([
      plural(num(after.useCases) ?? 0, "use case"),
      plural(num(after.pilots) ?? 0, "pilot"),
      plural(num(after.incidents) ?? 0, "incident"),
    ])}).`,
  "organisation.imported": (_e, _c, { who, after }) => {
    const from = str(after.fromSlug);
    const placeholders = num(after.placeholders) ?? 0;
    return `${who} imported the organisation from a file exported${from ? ` from ${from}` : ""}${str(after.exportedAt) ? ` on ${formatDate(str(after.exportedAt))}` : ""}, with ${plural(num(after.members) ?? 0, "member")}${placeholders ? ` (${plural(placeholders, "new placeholder account")}, disabled)` : ""}.`;
  },
  "gates.updated": (_e, _c, { who, before, after }) => {
    const stages = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (s) => !same(before[s], after[s]),
    );
    if (stages.length === 0) return `${who} saved the promotion gates without changing them.`;
    const reset = stages.filter((s) => !(s in after));
    const changed = stages.filter((s) => s in after);
    const parts = [
      changed.length ? `changed the gate out of ${list(changed.map(stage))}` : null,
      reset.length ? `reset the gate out of ${list(reset.map(stage))} to the defaults` : null,
    ].filter(Boolean);
    return `${who} ${parts.join(" and ")}.`;
  },
  "gates.override_policy_updated": (_e, _c, { who, after }) =>
    after.overridesNeedSecondApprover === true
      ? `${who} required a second owner or admin to approve every gate override.`
      : `${who} let an owner or admin override a gate alone, without a second approver.`,
  "portfolio.settings_updated": (_e, _c, { who, before, after }) => {
    const parts = [
      same(before.stallDays, after.stallDays)
        ? null
        : `a pilot now counts as stalled after ${after.stallDays} days in a stage (was ${before.stallDays})`,
      same(before.reviewIntervalDays, after.reviewIntervalDays)
        ? null
        : `use cases are now due for re-assessment ${after.reviewIntervalDays} days after their last assessment (was ${before.reviewIntervalDays})`,
    ].filter(Boolean);
    return parts.length
      ? `${who} changed the portfolio settings: ${parts.join("; ")}.`
      : `${who} saved the portfolio settings without changing them.`;
  },
  "member.added": (_e, ctx, { who, after }) =>
    `${who} added ${personOf(ctx, after.userId, after.email)} as ${role(after.role)}.`,
  "member.joined": (_e, _c, { who, after }) =>
    `${who} joined as ${role(after.role)}, accepting an invitation.`,
  "member.role_changed": (_e, ctx, { who, before, after }) =>
    `${who} changed the role of ${personOf(ctx, after.userId ?? before.userId, after.email ?? before.email)} from ${role(before.role)} to ${role(after.role)}.`,
  "member.removed": (_e, ctx, { who, before, after }) => {
    const revoked = Array.isArray(after.invitationsRevoked) ? after.invitationsRevoked.length : 0;
    return `${who} removed ${personOf(ctx, before.userId, before.email)} (${role(before.role)}) from the organisation${revoked ? `, revoking ${plural(revoked, "invitation")} they had sent` : ""}.`;
  },
  "member.left": (_e, _c, { who, before, after }) => {
    const revoked = Array.isArray(after.invitationsRevoked) ? after.invitationsRevoked.length : 0;
    return `${who} left the organisation (was ${role(before.role)})${revoked ? `; ${plural(revoked, "invitation")} they had sent ${revoked === 1 ? "was" : "were"} revoked` : ""}.`;
  },
  "invitation.created": (_e, _c, { who, after }) => {
    const email = str(after.email);
    const expires = str(after.expiresAt)
      ? `, valid until ${formatDateTime(str(after.expiresAt))}`
      : "";
    return email
      ? `${who} invited ${email} to join as ${role(after.role)}${expires}.`
      : `${who} created an invitation link for a new ${role(after.role)}${expires}.`;
  },
  "invitation.revoked": (_e, _c, { who, before }) => {
    const email = str(before.email);
    return `${who} revoked the invitation ${email ? `of ${email} ` : ""}to join as ${role(before.role)}.`;
  },
  "api_token.created": (_e, _c, { who, after }) => {
    const expires = str(after.expiresAt) ? `, expiring ${formatDate(str(after.expiresAt))}` : "";
    return `${who} created the API token ${quoted(str(after.name) ?? "unnamed")} acting as ${role(after.role)}${expires}.`;
  },
  "api_token.revoked": (_e, _c, { who, before }) =>
    `${who} revoked the API token ${quoted(str(before.name) ?? "unnamed")} (${role(before.role)}).`,
  "use_case.created": (e, ctx, { who, after }) => {
    const value = num(after.annualValue);
    return `${who} created ${str(after.name) ? `the use case ${str(after.name)}` : theUseCase(e, ctx)}${value !== null ? `, worth ${formatMoney(value, ctx.currency)} a year` : ""}.`;
  },
  "use_case.updated": (e, ctx, { who, before, after }) => {
    const renamed = !same(before.name, after.name) && str(before.name) && str(after.name);
    return renamed
      ? `${who} edited the use case ${str(before.name)}, now ${str(after.name)}${changedFields(e, ctx)}.`
      : `${who} edited ${str(after.name) ? `the use case ${str(after.name)}` : theUseCase(e, ctx)}${changedFields(e, ctx)}.`;
  },
  "use_case.archived": (e, ctx, { who }) => `${who} archived ${theUseCase(e, ctx)}.`,
  "use_case.restored": (e, ctx, { who }) => `${who} restored ${theUseCase(e, ctx)}.`,
  "inventory_action.added": (e, ctx, { who, after }) => {
    const access = label(ACCESS_LABELS, after.access);
    const system = str(after.system);
    return `${who} added the action ${quoted(str(after.name) ?? "unnamed")}${system ? ` (${access ? `${lower(access)} ` : ""}${system})` : ""} to the inventory of ${caseName(e, ctx, after.useCaseId)}.`;
  },
  "inventory_action.updated": (e, ctx, { who, before, after }) =>
    `${who} changed the action ${quoted(str(after.name) ?? str(before.name) ?? "unnamed")} of ${caseName(e, ctx, after.useCaseId ?? before.useCaseId)}${changedFields(e, ctx)}.`,
  "inventory_action.removed": (e, ctx, { who, before }) =>
    `${who} removed the action ${quoted(str(before.name) ?? "unnamed")} from the inventory of ${caseName(e, ctx, before.useCaseId)}.`,
  "assessment.started": (e, ctx, { who, after }) => {
    const name =
      (typeof after.useCaseId === "string" && ctx.names.useCases[after.useCaseId]) ||
      assessedUseCase(e, ctx);
    if (!str(after.previousId)) {
      return `${who} started an assessment of ${name} (question bank v${num(after.bankVersion) ?? "?"}).`;
    }
    const notCarried = Array.isArray(after.notCarried) ? after.notCarried.length : 0;
    return `${who} started a re-assessment of ${name}, carrying over ${plural(num(after.prefilled) ?? 0, "answer")}${notCarried ? ` (${formatNumber(notCarried, 0)} could not be carried over)` : ""}.`;
  },
  "assessment.answered": (e, ctx, { who, after }) => {
    const n = Array.isArray(after.answers) ? after.answers.length : 0;
    return `${who} answered ${plural(n, "question")} in the assessment of ${assessedUseCase(e, ctx)}.`;
  },
  "assessment.submitted": (e, ctx, { who, after }) => {
    const overall = num(after.overall);
    const band = label(BAND_LABELS, after.band);
    const verdict = [overall !== null ? `${formatScore(overall)} / 100` : null, band]
      .filter(Boolean)
      .join(", ");
    return `${who} submitted the assessment of ${assessedUseCase(e, ctx)}${verdict ? `: ${verdict}` : ""}.`;
  },
  "pilot.started": (e, ctx, { who, after }) => {
    const name =
      (typeof after.useCaseId === "string" && ctx.names.useCases[after.useCaseId]) ||
      pilotOf(e, ctx);
    const later =
      typeof after.stage === "string" &&
      typeof after.recommendedStage === "string" &&
      after.stage in STAGE_LABELS &&
      after.recommendedStage in STAGE_LABELS &&
      stageIndex(after.stage as Stage) > stageIndex(after.recommendedStage as Stage)
        ? `, past the recommended ${stage(after.recommendedStage)}`
        : "";
    return `${who} started a pilot of ${name} in ${stage(after.stage)}${later}.${withReason(after.justification)}`;
  },
  "pilot.updated": (e, ctx, { who }) =>
    `${who} edited ${thePilot(e, ctx)}${changedFields(e, ctx)}.`,
  "pilot.promoted": (e, ctx, { who, after }) =>
    `${who} promoted ${pilotOf(e, ctx)} to ${stage(after.stage)}.${withReason(after.reason)}`,
  "pilot.promoted_with_override": (e, ctx, { who, after }) => {
    const overridden = Array.isArray(after.overridden) ? after.overridden.map(obj) : [];
    const criteria = overridden.map((c) => {
      const threshold = str(c.threshold);
      const measured = str(c.measured);
      return `${criterionName(c.kind)}${threshold ? ` ${threshold}` : ""}${measured ? ` (measured ${measured})` : ""}`;
    });
    return `${who} promoted ${pilotOf(e, ctx)} to ${stage(after.stage)}, overriding ${plural(overridden.length, "failing criterion", "failing criteria")}${criteria.length ? `: ${criteria.join(", ")}` : ""}.${withReason(after.reason)}`;
  },
  "pilot.override_requested": (e, ctx, { who, after }) => {
    const failing = Array.isArray(after.failing) ? after.failing.map(obj) : [];
    const criteria = failing.map((c) => criterionName(c.kind));
    return `${who} asked for a second approver to promote ${pilotOf(e, ctx)} from ${stage(after.fromStage)} to ${stage(after.toStage)}, overriding ${plural(failing.length, "failing criterion", "failing criteria")}${criteria.length ? `: ${criteria.join(", ")}` : ""}.${withReason(after.justification)}`;
  },
  "pilot.override_approved": (e, ctx, { who, after }) =>
    `${who} approved ${str(after.requestedBy) ?? "a member"}'s override, promoting ${pilotOf(e, ctx)} from ${stage(after.fromStage)} to ${stage(after.toStage)}.${withReason(after.note, "Note")}`,
  "pilot.override_rejected": (e, ctx, { who, after }) =>
    `${who} rejected ${str(after.requestedBy) ?? "a member"}'s override to promote ${pilotOf(e, ctx)} to ${stage(after.toStage)}.${withReason(after.note, "Note")}`,
  "pilot.override_withdrawn": (e, ctx, { who, after }) =>
    `${who} withdrew their override request to promote ${pilotOf(e, ctx)} to ${stage(after.toStage)}.`,
  "pilot.rolled_back": (e, ctx, { who, before, after }) =>
    `${who} rolled ${pilotOf(e, ctx)} back from ${stage(before.stage)} to ${stage(after.stage)}.${withReason(after.reason)}`,
  "pilot.paused": transitionSentence("paused"),
  "pilot.resumed": transitionSentence("resumed"),
  "pilot.retired": transitionSentence("retired"),
  "pilot.signed_off": (e, ctx, { who, after }) =>
    `${who} signed off ${criterionName(after.criterion)} on the gate out of ${stage(after.stage)} for ${pilotOf(e, ctx)}, as ${role(after.role)}.${withReason(after.note, "Note")}`,
  "pilot.signoff_withdrawn": (e, ctx, { who, before }) =>
    `${who} withdrew their sign-off of ${criterionName(before.criterion)} on the gate out of ${stage(before.stage)} for ${pilotOf(e, ctx)}.`,
  "run_metrics.recorded": runMetricsSentence("recorded"),
  "run_metrics.updated": runMetricsSentence("corrected"),
  "assumption.added": (e, ctx, { who, after }) =>
    `${who} added the assumption ${quoted(assumptionOf(ctx, after) ?? "unnamed")} to ${thePilot(e, ctx)}.`,
  "assumption.updated": (e, ctx, { who, before, after }) => {
    const text = assumptionOf(ctx, after) ?? assumptionOf(ctx, before);
    const status = label(ASSUMPTION_STATUS_LABELS, after.status);
    const what = `the assumption ${text ? `${quoted(text)} ` : ""}of ${pilotOf(e, ctx)}`;
    return same(before.status, after.status)
      ? `${who} updated the evidence for ${what}.`
      : `${who} marked ${what} as ${lower(status ?? "changed")}.`;
  },
  "incident.created": (_e, ctx, { who, after }) => {
    const severity = str(after.severity)?.replace(/^sev/, "Sev") ?? "An";
    const pilot =
      typeof after.pilotId === "string"
        ? `, on the pilot of ${ctx.names.pilots[after.pilotId] ?? "a use case"}${str(after.stage) ? ` in ${stage(after.stage)}` : ""}`
        : ", not tied to a pilot";
    return `${who} logged a ${severity} incident, ${quoted(str(after.title) ?? "untitled")}${pilot}.`;
  },
  "incident.updated": (e, ctx, { who, before, after }) =>
    `${who} edited the incident ${quoted(str(after.title) ?? str(before.title) ?? "untitled")}${changedFields(e, ctx)}.`,
  "incident.resolved": (_e, _c, { who, after }) =>
    `${who} resolved the incident ${quoted(str(after.title) ?? "untitled")}${str(after.resolvedAt) ? ` as of ${formatDateTime(str(after.resolvedAt))}` : ""}.`,
  "incident.reopened": (_e, _c, { who, before, after }) =>
    `${who} reopened the incident ${quoted(str(after.title) ?? str(before.title) ?? "untitled")}.`,
  "user.disabled": (e, ctx, { who }) =>
    `${who} disabled the account of ${accountOf(e, ctx, {})} and ended its sessions.`,
  "user.enabled": (e, ctx, { who }) =>
    `${who} enabled the account of ${accountOf(e, ctx, {})} again.`,
  "user.verification_email_sent": (e, ctx, { who, after }) =>
    `${who} asked for a link to verify ${accountOf(e, ctx, after)}.`,
  "user.email_verified": (e, ctx, { who, after }) =>
    `${who} verified the email address ${accountOf(e, ctx, after)}.`,
  "user.password_reset_requested": (e, ctx, { after }) =>
    `Someone asked for a password reset link for ${accountOf(e, ctx, after)}.`,
  "user.password_reset": (_e, _c, { who }) =>
    `${who} set a new password with a reset link, ending every session.`,
  "user.password_changed": (_e, _c, { who }) =>
    `${who} changed their password, ending their other sessions.`,
  "user.sessions_ended": (_e, _c, { who }) => `${who} signed out of all devices.`,
  "workshop.created": (_e, _c, { who, after }) =>
    `${who} set up ${theWorkshop(after)}${str(after.date) ? ` for ${formatDate(str(after.date))}` : ""}.`,
  "workshop.updated": (e, ctx, { who, after }) =>
    `${who} edited ${theWorkshop(after)}${changedFields(e, ctx)}.`,
  "workshop.opened": (_e, _c, { who, before, after }) =>
    before.state === "paused"
      ? `${who} resumed ${theWorkshop(after)}.`
      : `${who} opened ${theWorkshop(after)} to participants.`,
  "workshop.paused": (_e, _c, { who, after }) => `${who} paused ${theWorkshop(after)}.`,
  "workshop.closed": (_e, _c, { who, after }) =>
    `${who} closed ${theWorkshop(after)}; it takes no more answers.`,
  "workshop.led": (_e, _c, { who, after }) =>
    str(after.currentDimension)
      ? `${who} moved the room of ${theWorkshop(after)} to ${dimensionTitle(after.currentDimension)}.`
      : `${who} let the room of ${theWorkshop(after)} go at its own pace.`,
  "workshop.consensus_recorded": (_e, _c, { who, after }) =>
    `${who} recorded the room's answer to ${quoted(str(after.question) ?? "a question")} in ${theWorkshop(after)}: ${str(after.answer) ?? "an answer"}.${withReason(after.note, "Note")}`,
  "workshop.converted": (_e, _c, { who, after }) =>
    `${who} turned ${theWorkshop(after)} into an assessment, with the room's answers to ${plural(num(after.answers) ?? 0, "question")}.`,
  "workshop.joined": (_e, _c, { who, after }) => {
    const name = str(after.displayName);
    const roleTag = str(after.roleTag);
    return `${who}${name ? ` (${name})` : ""} joined ${theWorkshop(after)}${roleTag ? ` as ${roleTag}` : ""}.`;
  },
};

const ENTITY_LABELS: Record<string, string> = {
  organisation: "the organisation",
  membership: "a membership",
  invitation: "an invitation",
  api_token: "an API token",
  use_case: "a use case",
  inventory_action: "an inventory action",
  assessment: "an assessment",
  pilot: "a pilot",
  incident: "an incident",
  user: "an account",
};

/** Whether the app writes this action (so it has its own sentence). */
export function isKnownAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * One sentence for an audit event, naming who did what to which object, with the numbers
 * that matter. An action the app does not know (an older or newer version wrote it) still
 * gets a sentence, with its code.
 */
export function describeAuditEvent(
  event: AuditEventForSentence,
  ctx: AuditSentenceContext = { names: NO_AUDIT_NAMES, currency: "GBP" },
): string {
  const who = auditActorName(event);
  const parts = { who, before: obj(event.before), after: obj(event.after) };
  if (isKnownAuditAction(event.action)) return SENTENCES[event.action](event, ctx, parts);
  const what = ENTITY_LABELS[event.entityType] ?? `a ${event.entityType.replaceAll("_", " ")}`;
  return `${who} made a change to ${what} (recorded as ${event.action}).`;
}

/** An action code in words, for filter menus: "pilot.promoted_with_override" → "Pilot promoted with override". */
export function auditActionLabel(action: string): string {
  const [entity = "", verb = ""] = action.split(".");
  return auditEntityLabel(`${entity} ${verb.replaceAll("_", " ")}`.trim());
}

/** An object type in words, for filter menus: "inventory_action" → "Inventory action". */
export function auditEntityLabel(entityType: string): string {
  return capitalise(entityType.replaceAll("_", " ").replace(/^api /, "API "));
}
