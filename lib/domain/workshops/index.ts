import type { Question, QuestionBank } from "../question-bank/types";

export * from "./aggregates";
export * from "./report";

/** A workshop's life: set up as a draft, opened to the room, paused, closed for good. */
export const WORKSHOP_STATES = ["draft", "open", "paused", "closed"] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];

export const WORKSHOP_STATE_LABELS: Record<WorkshopState, string> = {
  draft: "Draft",
  open: "Open",
  paused: "Paused",
  closed: "Closed",
};

/**
 * How the room moves through the questions: everyone at their own pace, or led by the
 * facilitator one dimension at a time (participants' screens follow the current dimension).
 */
export const WORKSHOP_PACE_MODES = ["self_paced", "led"] as const;
export type WorkshopPaceMode = (typeof WORKSHOP_PACE_MODES)[number];

export const WORKSHOP_PACE_LABELS: Record<WorkshopPaceMode, string> = {
  self_paced: "Everyone at their own pace",
  led: "Led dimension by dimension",
};

/** The most people one workshop admits. */
export const MAX_WORKSHOP_PARTICIPANTS = 50;

/** Role tags a new workshop starts with; the facilitator edits them. */
export const DEFAULT_ROLE_TAGS = ["Executive", "Operator", "Engineer", "Risk"] as const;

/** Where each state may go: a closed workshop is final and accepts nothing. */
const TRANSITIONS: Record<WorkshopState, readonly WorkshopState[]> = {
  draft: ["open", "closed"],
  open: ["paused", "closed"],
  paused: ["open", "closed"],
  closed: [],
};

/** The verb a facilitator's button uses to move a workshop into a state. */
export const WORKSHOP_TRANSITION_LABELS: Record<WorkshopState, string> = {
  draft: "Back to draft",
  open: "Open",
  paused: "Pause",
  closed: "Close",
};

/** Whether a workshop may move from one state to another. */
export function canTransitionWorkshop(from: WorkshopState, to: WorkshopState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The states a workshop can move to next, in the order its buttons show. */
export function nextWorkshopStates(from: WorkshopState): readonly WorkshopState[] {
  return TRANSITIONS[from];
}

/** Participants may answer only while the workshop is open. */
export const acceptsAnswers = (state: WorkshopState): boolean => state === "open";

/** People may join only while the workshop is open. */
export const acceptsParticipants = (state: WorkshopState): boolean => state === "open";

/**
 * Join-code characters: digits and capitals without the look-alikes 0/O, 1/I/L, so a code read
 * off a projector is typed right first time.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;

/**
 * A join code from random bytes (`randomBytes(JOIN_CODE_LENGTH)` in production). Each byte picks
 * a character by modulo; its small bias (256 is not a multiple of 31) does not help a guesser
 * who is rate-limited anyway. 31^6 ≈ 887 million codes.
 */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < JOIN_CODE_LENGTH) throw new Error("not enough random bytes for a join code");
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code += JOIN_CODE_ALPHABET[(bytes[i] ?? 0) % JOIN_CODE_ALPHABET.length];
  }
  return code;
}

/**
 * A typed code as stored, or null when it cannot be one: case, spaces and dashes are ignored;
 * a character outside the alphabet (a look-alike such as O, I or 1) makes it no code at all.
 */
export function normaliseJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** A code shown to people: "ABC DEF", easier to read aloud. */
export const formatJoinCode = (code: string): string =>
  code.length === JOIN_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code;

/**
 * The questions a workshop asks: those of its dimensions, in bank order. Follow-up questions
 * (shown only after a weak answer) are left out, so the whole room answers the same set and
 * their answers can be compared; the consensus assessment asks them.
 */
export function workshopQuestions(bank: QuestionBank, dimensionIds: readonly string[]): Question[] {
  const chosen = new Set(dimensionIds);
  return bank.questions.filter((q) => chosen.has(q.dimensionId) && !q.showIf);
}

/** Cleans role tags typed by a facilitator: trimmed, no blanks, no duplicates (case-blind). */
export function normaliseRoleTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export * from "./dto";

/**
 * "Don't know" in the consensus form's select, which otherwise holds option ids (here, not
 * beside the form's zod schema: the form is a client component, and zod stays on the server).
 */
export const DONT_KNOW_VALUE = "dont_know";
