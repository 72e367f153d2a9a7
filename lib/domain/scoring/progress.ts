import { formatNumber } from "@/lib/format";
import type { AssessmentResult } from "./types";

/** How far the answers go, counted over the questions the scoring asks. */
export type AnswerProgress = {
  /** Questions asked: applicable given the inventory and the earlier answers. */
  asked: number;
  /** Answered with an option: "don't know" is not an answer. */
  answered: number;
  dontKnow: number;
  unanswered: number;
  /** "44 of 47 answered, 3 don't know": the words every page uses. */
  text: string;
};

/**
 * The one count of answers that the wizard's review and the results show. It reads the
 * scoring's own counts, so "answered" never includes a "don't know" (which counts as a gap)
 * and the total is the questions the score was computed on.
 */
export function answerProgress(result: Pick<AssessmentResult, "counts">): AnswerProgress {
  const { applicable, answered, dontKnow, unanswered } = result.counts;
  const parts = [`${formatNumber(answered, 0)} of ${formatNumber(applicable, 0)} answered`];
  if (dontKnow) parts.push(`${formatNumber(dontKnow, 0)} don't know`);
  if (unanswered) parts.push(`${formatNumber(unanswered, 0)} not answered yet`);
  return { asked: applicable, answered, dontKnow, unanswered, text: parts.join(", ") };
}
