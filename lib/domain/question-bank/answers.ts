import type { AnswerInput } from "./types";

/** An answer as it arrives from a form, the API or the database: nullable fields. */
export type RawAnswer = {
  questionId: string;
  optionId?: string | null;
  dontKnow?: boolean | null;
  evidence?: string | null;
};

/**
 * The one reading of a raw answer: "don't know", or no option chosen, is an unknown; anything
 * else is the chosen option.
 */
export function toAnswerInput(raw: RawAnswer): AnswerInput {
  const evidence = raw.evidence ?? undefined;
  return raw.dontKnow || !raw.optionId
    ? { questionId: raw.questionId, dontKnow: true, evidence }
    : { questionId: raw.questionId, optionId: raw.optionId, evidence };
}
