import type { Question } from "../question-bank/types";
import type { DimensionProgress, HeatMapRow, QuestionAggregate } from "./aggregates";
import type { WorkshopPaceMode, WorkshopState } from "./index";

/** A workshop as the organisation's members see it. */
export type WorkshopDto = {
  id: string;
  useCaseId: string;
  useCaseName: string;
  title: string;
  /** ISO date (yyyy-mm-dd). */
  date: string;
  bankVersion: string;
  dimensions: string[];
  roleTags: string[];
  anonymous: boolean;
  state: WorkshopState;
  joinCode: string;
  pace: WorkshopPaceMode;
  currentDimension: string | null;
  assessmentId: string | null;
  participants: number;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** What a facilitator types to set a workshop up. */
export type WorkshopInput = {
  useCaseId: string;
  title: string;
  date: string;
  dimensions: string[];
  roleTags: string[];
  anonymous: boolean;
  pace: WorkshopPaceMode;
};

/** A participant's comment, named unless the workshop is anonymous. */
export type WorkshopComment = {
  questionId: string;
  /** "Participant 3" in an anonymous workshop. */
  author: string;
  roleTag: string | null;
  comment: string;
  /** ISO timestamp: the live view travels as JSON. */
  updatedAt: string;
};

export type WorkshopParticipantDto = {
  /** 1, 2, 3… in the order they joined. */
  number: number;
  /** Null in an anonymous workshop. */
  displayName: string | null;
  roleTag: string | null;
  member: boolean;
  answered: number;
  joinedAt: Date;
};

/** Everything the live facilitator view and the presenter view show, recomputed on each poll. */
export type WorkshopLive = {
  state: WorkshopState;
  participants: number;
  questions: QuestionAggregate[];
  heatMap: HeatMapRow[];
  progress: DimensionProgress[];
  comments: WorkshopComment[];
  /** When the newest answer was saved (ISO), or null. */
  lastAnswerAt: string | null;
};

/**
 * A participant session, verified against the database: one participant of one workshop. Only
 * `db/queries/workshop-participants` builds these, from the session cookie.
 */
export type ParticipantContext = {
  participantId: string;
  workshopId: string;
};

export type ParticipantAnswer = {
  questionId: string;
  optionId: string | null;
  dontKnow: boolean;
  comment: string | null;
};

/** What a participant sees: the workshop's questions and their own answers, nothing else. */
export type ParticipantView = {
  workshopTitle: string;
  /** The code the participant joined with: their pages live under /join/CODE. */
  joinCode: string;
  state: WorkshopState;
  pace: WorkshopPaceMode;
  currentDimension: string | null;
  displayName: string;
  roleTag: string | null;
  dimensions: { id: string; title: string; description: string }[];
  questions: Question[];
  answers: ParticipantAnswer[];
};

/** What the join page shows about a workshop before someone joins. */
export type JoinableWorkshop = {
  code: string;
  title: string;
  state: WorkshopState;
  roleTags: string[];
  anonymous: boolean;
};

/** The answer the room agreed on for one question, as the facilitator recorded it. */
export type ConsensusAnswer = {
  questionId: string;
  optionId: string | null;
  dontKnow: boolean;
  /** Why, or where the room disagreed. */
  note: string | null;
  /** ISO timestamp. */
  updatedAt: string;
};

export type ConsensusInput = {
  questionId: string;
  /** Null with `dontKnow`. */
  optionId: string | null;
  dontKnow: boolean;
  note: string | null;
};

/** Where the workshop an assessment came from disagreed, for the assessment's results. */
export type RoomDisagreements = {
  workshopId: string;
  title: string;
  date: string;
  participants: number;
  /** Questions with at least some disagreement, the most disagreed first. */
  questions: {
    questionId: string;
    prompt: string;
    disagreement: number;
    /** What most of each role tag chose (null: none of them answered with an option). */
    byRole: { roleTag: string; mostChose: string | null; answers: number }[];
    /** The facilitator's note on the room's answer. */
    note: string | null;
  }[];
};

/** One participant's answer to one question, for the CSV of individual answers. */
export type WorkshopAnswerRow = {
  /** 1, 2, 3… in the order they joined. */
  participant: number;
  /** Null in an anonymous workshop. */
  displayName: string | null;
  roleTag: string | null;
  member: boolean;
  dimension: string;
  questionId: string;
  prompt: string;
  /** The chosen option's text; null for "don't know". */
  answer: string | null;
  score: number | null;
  dontKnow: boolean;
  comment: string | null;
  updatedAt: Date;
};
