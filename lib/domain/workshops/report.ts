import type { Dimension, Question } from "../question-bank/types";
import type { ConsensusAnswer, WorkshopParticipantDto } from "./dto";

export type RoleParticipation = {
  /** Null: people who joined without a role tag. */
  roleTag: string | null;
  participants: number;
  answers: number;
};

/**
 * Who took part, by role tag in the workshop's order (tags nobody joined under included, so the
 * report shows a missing voice), then those without a tag when there are any.
 */
export function participationByRole(
  participants: readonly Pick<WorkshopParticipantDto, "roleTag" | "answered">[],
  roleTags: readonly string[],
): RoleParticipation[] {
  const tally = (roleTag: string | null): RoleParticipation => {
    const own = participants.filter((p) => p.roleTag === roleTag);
    return {
      roleTag,
      participants: own.length,
      answers: own.reduce((sum, p) => sum + p.answered, 0),
    };
  };
  const untagged = tally(null);
  return [...roleTags.map(tally), ...(untagged.participants > 0 ? [untagged] : [])];
}

export type ConsensusDimensionScore = {
  dimensionId: string;
  title: string;
  /**
   * 0–100: the weighted mean of the agreed options' scores, each as a share of its question's
   * score range; null when the room agreed no option in the dimension.
   */
  score: number | null;
  /** Questions with an agreed option. */
  agreed: number;
  /** Questions the room agreed it does not know. */
  dontKnow: number;
  /** Questions the workshop asked in the dimension. */
  questions: number;
};

/**
 * The score of the room's consensus in each dimension, before the assessment's full scoring
 * (no blockers, caps or follow-up questions): a quick read of where the room puts itself.
 */
export function consensusDimensionScores(
  questions: readonly Question[],
  dimensions: readonly Dimension[],
  consensus: readonly Pick<ConsensusAnswer, "questionId" | "optionId" | "dontKnow">[],
): ConsensusDimensionScore[] {
  const agreed = new Map(consensus.map((c) => [c.questionId, c]));
  return dimensions.map((dim) => {
    const own = questions.filter((q) => q.dimensionId === dim.id);
    let weighted = 0;
    let weights = 0;
    let dontKnow = 0;
    let agreedOptions = 0;
    for (const q of own) {
      const c = agreed.get(q.id);
      if (c?.dontKnow) dontKnow++;
      const option = c && !c.dontKnow ? q.options.find((o) => o.id === c.optionId) : undefined;
      if (!option) continue;
      agreedOptions++;
      const scores = q.options.map((o) => o.score);
      const min = Math.min(...scores);
      const max = Math.max(...scores);
      weighted += q.weight * (max > min ? (option.score - min) / (max - min) : 1);
      weights += q.weight;
    }
    return {
      dimensionId: dim.id,
      title: dim.title,
      score: weights > 0 ? Math.round((1000 * weighted) / weights) / 10 : null,
      agreed: agreedOptions,
      dontKnow,
      questions: own.length,
    };
  });
}
