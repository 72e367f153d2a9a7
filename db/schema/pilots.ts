import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CriterionResult } from "@/lib/domain/gates";
import { OVERRIDE_REQUEST_STATUSES } from "@/lib/domain/gates/overrides";
import {
  ASSUMPTION_STATUSES,
  METRIC_PERIODS,
  PILOT_STATUSES,
  TRANSITION_KINDS,
} from "@/lib/domain/pilots";
import { STAGES } from "@/lib/domain/stages";
import { assessments } from "./assessments";
import { users } from "./auth";
import { id, timestamps, version } from "./columns";
import { memberRole, orgIdColumn } from "./organisations";
import { useCases } from "./use-cases";

export const stageEnum = pgEnum("stage", STAGES);
export const pilotStatusEnum = pgEnum("pilot_status", PILOT_STATUSES);
export const transitionKindEnum = pgEnum("transition_kind", TRANSITION_KINDS);
export const assumptionStatusEnum = pgEnum("assumption_status", ASSUMPTION_STATUSES);
export const metricPeriodEnum = pgEnum("metric_period", METRIC_PERIODS);
export const overrideRequestStatusEnum = pgEnum(
  "override_request_status",
  OVERRIDE_REQUEST_STATUSES,
);

export const pilots = pgTable(
  "pilots",
  {
    id: id(),
    orgId: orgIdColumn(),
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    /** The submitted assessment the pilot started from (its recommendation and assumptions). */
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    stage: stageEnum("stage").notNull(),
    status: pilotStatusEnum("status").notNull().default("active"),
    stageEnteredAt: timestamp("stage_entered_at", { withTimezone: true }).notNull().defaultNow(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    targetDate: date("target_date", { mode: "string" }),
    rollbackPlan: text("rollback_plan").notNull().default(""),
    /** Why it starts later than the assessment recommends, when it does. */
    startJustification: text("start_justification"),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index("pilots_org_stage_idx").on(t.orgId, t.status, t.stage),
    index("pilots_use_case_idx").on(t.useCaseId),
    uniqueIndex("pilots_one_live_per_use_case_idx")
      .on(t.useCaseId)
      .where(sql`${t.status} <> 'retired'`),
    index("pilots_owner_idx").on(t.ownerId),
    index("pilots_assessment_idx").on(t.assessmentId),
  ],
);

/** The pilot a row belongs to, deleted with it. */
export const pilotIdColumn = () =>
  uuid("pilot_id")
    .notNull()
    .references(() => pilots.id, { onDelete: "cascade" });

/** The pilot's timeline: every start, promotion, rollback, pause, resume and retirement. */
export const pilotTransitions = pgTable(
  "pilot_transitions",
  {
    id: id(),
    orgId: orgIdColumn(),
    pilotId: pilotIdColumn(),
    kind: transitionKindEnum("kind").notNull(),
    fromStage: stageEnum("from_stage"),
    toStage: stageEnum("to_stage").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    reason: text("reason"),
    /** Criteria that failed and were overridden by an owner or admin; empty when none. */
    overridden: jsonb("overridden").$type<CriterionResult[]>().notNull().default([]),
    /** The gate as evaluated at the moment of a promotion. */
    gate: jsonb("gate").$type<CriterionResult[]>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pilot_transitions_pilot_idx").on(t.pilotId, t.createdAt),
    index("pilot_transitions_org_idx").on(t.orgId, t.createdAt),
    index("pilot_transitions_actor_idx").on(t.actorUserId),
  ],
);

/** A member's sign-off on a criterion of the gate out of the pilot's current stage. */
export const pilotSignoffs = pgTable(
  "pilot_signoffs",
  {
    id: id(),
    orgId: orgIdColumn(),
    pilotId: pilotIdColumn(),
    stage: stageEnum("stage").notNull(),
    criterion: text("criterion").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The role the member held when signing. */
    role: memberRole("role").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pilot_signoffs_pilot_idx").on(t.pilotId, t.stage, t.createdAt),
    index("pilot_signoffs_org_idx").on(t.orgId),
    index("pilot_signoffs_user_idx").on(t.userId),
  ],
);

/**
 * A promotion past failing gate criteria waiting for a second owner or admin (when the
 * organisation asks for one). Approving it performs the promotion; it applies only to the
 * pilot's stage and version when it was asked for.
 */
export const gateOverrideRequests = pgTable(
  "gate_override_requests",
  {
    id: id(),
    orgId: orgIdColumn(),
    pilotId: pilotIdColumn(),
    fromStage: stageEnum("from_stage").notNull(),
    toStage: stageEnum("to_stage").notNull(),
    /** The pilot's version when asked: approval needs it unchanged. */
    pilotVersion: integer("pilot_version").notNull(),
    justification: text("justification").notNull(),
    /** The failing criteria as measured when asked: what the approver is shown. */
    failing: jsonb("failing").$type<CriterionResult[]>().notNull(),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    requestedByLabel: text("requested_by_label").notNull(),
    /** The person behind the request (a token counts as its creator), never its approver. */
    requesterKey: text("requester_key").notNull(),
    status: overrideRequestStatusEnum("status").notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedByLabel: text("decided_by_label"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    /** The promotion an approval performed. */
    transitionId: uuid("transition_id").references(() => pilotTransitions.id, {
      onDelete: "set null",
    }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index("gate_override_requests_pilot_idx").on(t.pilotId, t.status, t.createdAt),
    index("gate_override_requests_org_idx").on(t.orgId, t.status),
    index("gate_override_requests_requested_by_idx").on(t.requestedBy),
    index("gate_override_requests_decided_by_idx").on(t.decidedBy),
    index("gate_override_requests_transition_idx").on(t.transitionId),
  ],
);

/** Run metrics per pilot per day or week, whichever way they arrived (form, CSV, API). */
export const runMetrics = pgTable(
  "run_metrics",
  {
    id: id(),
    orgId: orgIdColumn(),
    pilotId: pilotIdColumn(),
    period: metricPeriodEnum("period").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    /** The pilot's stage when the period was recorded. */
    stage: stageEnum("stage").notNull(),
    attempted: integer("attempted").notNull(),
    correct: integer("correct").notNull(),
    overrides: integer("overrides").notNull(),
    escalations: integer("escalations").notNull(),
    source: text("source").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("run_metrics_pilot_period_idx").on(t.pilotId, t.period, t.periodStart),
    index("run_metrics_org_idx").on(t.orgId, t.periodStart),
    // The latest period recorded per pilot (the portfolio's "no run metrics" rule).
    index("run_metrics_pilot_latest_idx").on(t.pilotId, t.periodStart.desc()),
    index("run_metrics_recorded_by_idx").on(t.recordedBy),
    check(
      "run_metrics_counts_check",
      sql`${t.attempted} >= 0 and ${t.correct} between 0 and ${t.attempted} and ${t.overrides} between 0 and ${t.attempted} and ${t.escalations} between 0 and ${t.attempted}`,
    ),
  ],
);

/** The assumptions register of a pilot, copied from its assessment and tested in the pilot. */
export const pilotAssumptions = pgTable(
  "pilot_assumptions",
  {
    id: id(),
    orgId: orgIdColumn(),
    pilotId: pilotIdColumn(),
    questionId: text("question_id"),
    dimensionId: text("dimension_id"),
    text: text("text").notNull(),
    status: assumptionStatusEnum("status").notNull().default("open"),
    evidence: text("evidence"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index("pilot_assumptions_pilot_idx").on(t.pilotId, t.status),
    index("pilot_assumptions_org_idx").on(t.orgId, t.status),
    index("pilot_assumptions_updated_by_idx").on(t.updatedBy),
  ],
);

/**
 * Responses to API writes sent with an Idempotency-Key, so a retry returns the first
 * answer instead of doing the work again.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    orgId: orgIdColumn(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_keys_pk").on(t.orgId, t.scope, t.key)],
);

export type Pilot = typeof pilots.$inferSelect;
export type PilotTransition = typeof pilotTransitions.$inferSelect;
export type RunMetric = typeof runMetrics.$inferSelect;
export type PilotAssumption = typeof pilotAssumptions.$inferSelect;
export type GateOverrideRequest = typeof gateOverrideRequests.$inferSelect;
