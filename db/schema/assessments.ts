import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { id, timestamps, version } from "./columns";
import { orgIdColumn } from "./organisations";
import { useCases } from "./use-cases";

export const assessmentStatusEnum = pgEnum("assessment_status", ["in_progress", "submitted"]);

export const assessments = pgTable(
  "assessments",
  {
    id: id(),
    orgId: orgIdColumn(),
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    /** The question bank version it is answered and always scored against. */
    bankVersion: text("bank_version").notNull(),
    status: assessmentStatusEnum("status").notNull().default("in_progress"),
    /** The assessment this one was prefilled from (a re-assessment). */
    previousId: uuid("previous_id").references((): AnyPgColumn => assessments.id, {
      onDelete: "set null",
    }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    submittedBy: uuid("submitted_by").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /**
     * Frozen at submission: the score (exact, one decimal as scored: gates compare it and a
     * 49.6 must not read or pass as 50), band and confidence, for lists, trends and gates.
     */
    overall: doublePrecision("overall"),
    band: text("band"),
    confidence: real("confidence"),
    /** Frozen at submission: the inventory the result was computed with, and the full result. */
    inventorySnapshot: jsonb("inventory_snapshot"),
    result: jsonb("result"),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index("assessments_org_use_case_idx").on(t.orgId, t.useCaseId, t.createdAt.desc()),
    index("assessments_use_case_idx").on(t.useCaseId),
    index("assessments_org_submitted_idx")
      .on(t.orgId, t.submittedAt.desc())
      .where(sql`${t.status} = 'submitted'`),
    // The latest submitted assessment of each use case (the portfolio, gates).
    index("assessments_org_latest_idx")
      .on(t.orgId, t.useCaseId, t.submittedAt.desc())
      .where(sql`${t.status} = 'submitted'`),
    index("assessments_previous_idx").on(t.previousId),
    index("assessments_created_by_idx").on(t.createdBy),
    index("assessments_submitted_by_idx").on(t.submittedBy),
  ],
);

/** One answer per question; rewritten in place as people change their minds while answering. */
export const assessmentAnswers = pgTable(
  "assessment_answers",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    questionId: text("question_id").notNull(),
    optionId: text("option_id"),
    dontKnow: boolean("dont_know").notNull().default(false),
    evidence: text("evidence"),
    answeredBy: uuid("answered_by").references(() => users.id, { onDelete: "set null" }),
    /** Bumped on every change, so two people answering at once cannot overwrite each other unseen. */
    revision: integer("revision").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.questionId] }),
    index("assessment_answers_org_idx").on(t.orgId),
    index("assessment_answers_answered_by_idx").on(t.answeredBy),
  ],
);

export type Assessment = typeof assessments.$inferSelect;
export type AssessmentAnswer = typeof assessmentAnswers.$inferSelect;
