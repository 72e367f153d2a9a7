import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { WORKSHOP_PACE_MODES, WORKSHOP_STATES } from "@/lib/domain/workshops";
import { assessments } from "./assessments";
import { users } from "./auth";
import { id, timestamps, version } from "./columns";
import { orgIdColumn } from "./organisations";
import { useCases } from "./use-cases";

/** The workshop a row belongs to; it goes with the workshop. */
const workshopIdColumn = () =>
  uuid("workshop_id")
    .notNull()
    .references(() => workshops.id, { onDelete: "cascade" });

/** An answer to one question: an option, or "don't know" (then no option). */
const answerColumns = () => ({
  questionId: text("question_id").notNull(),
  /** Null with `dontKnow`. */
  optionId: text("option_id"),
  dontKnow: boolean("dont_know").notNull().default(false),
});

const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

export const workshopStateEnum = pgEnum("workshop_state", WORKSHOP_STATES);
export const workshopPaceEnum = pgEnum("workshop_pace", WORKSHOP_PACE_MODES);

/** A facilitated session in which a room answers the questionnaire of one use case. */
export const workshops = pgTable(
  "workshops",
  {
    id: id(),
    orgId: orgIdColumn(),
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    bankVersion: text("bank_version").notNull(),
    /** The question bank's dimension ids the room answers. */
    dimensions: jsonb("dimensions").$type<string[]>().notNull(),
    roleTags: jsonb("role_tags").$type<string[]>().notNull().default([]),
    /** Whether the facilitator sees who answered what (false) or only role tags (true). */
    anonymous: boolean("anonymous").notNull().default(false),
    state: workshopStateEnum("state").notNull().default("draft"),
    /** What participants type to join; unique among all workshops, whatever the organisation. */
    joinCode: text("join_code").notNull(),
    pace: workshopPaceEnum("pace").notNull().default("self_paced"),
    /** In a led workshop, the dimension the room is on. */
    currentDimension: text("current_dimension"),
    /** The assessment the consensus became, once converted. */
    assessmentId: uuid("assessment_id").references(() => assessments.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("workshops_join_code_idx").on(t.joinCode),
    index("workshops_org_date_idx").on(t.orgId, t.date.desc()),
    index("workshops_org_state_idx").on(t.orgId, t.state),
    index("workshops_use_case_idx").on(t.useCaseId),
    index("workshops_assessment_idx").on(t.assessmentId),
    index("workshops_created_by_idx").on(t.createdBy),
  ],
);

/**
 * Someone in the room: a member continuing with their account, or a guest known only by a
 * display name. Either way they act through a participant session bound to this one workshop.
 */
export const workshopParticipants = pgTable(
  "workshop_participants",
  {
    id: id(),
    workshopId: workshopIdColumn(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    roleTag: text("role_tag"),
    /** SHA-256 of the participant session token; the token lives only in the cookie. */
    sessionTokenHash: text("session_token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workshop_participants_token_idx").on(t.sessionTokenHash),
    index("workshop_participants_workshop_idx").on(t.workshopId, t.createdAt),
    uniqueIndex("workshop_participants_workshop_user_idx")
      .on(t.workshopId, t.userId)
      .where(sql`${t.userId} is not null`),
    index("workshop_participants_user_idx").on(t.userId),
  ],
);

/** One participant's answer to one question, rewritten as they change their mind. */
export const workshopAnswers = pgTable(
  "workshop_answers",
  {
    participantId: uuid("participant_id")
      .notNull()
      .references(() => workshopParticipants.id, { onDelete: "cascade" }),
    workshopId: workshopIdColumn(),
    ...answerColumns(),
    comment: text("comment"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.questionId] }),
    index("workshop_answers_workshop_question_idx").on(t.workshopId, t.questionId),
  ],
);

/**
 * What the room agreed for one question, recorded by the facilitator, with a note where the
 * room disagreed. Becomes the answer of the assessment the workshop is converted into.
 */
export const workshopConsensus = pgTable(
  "workshop_consensus",
  {
    workshopId: workshopIdColumn(),
    ...answerColumns(),
    note: text("note"),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.workshopId, t.questionId] }),
    index("workshop_consensus_recorded_by_idx").on(t.recordedBy),
  ],
);

export type Workshop = typeof workshops.$inferSelect;
export type WorkshopParticipant = typeof workshopParticipants.$inferSelect;
export type WorkshopAnswer = typeof workshopAnswers.$inferSelect;
