import type { Dimension, Question } from "../question-bank/types";
import type { AssumptionEntry } from "../scoring/types";

/**
 * What the room answered, and where it disagrees. The database counts answers per question,
 * option and role tag (`AnswerCount`); everything here is derived from those counts, so the
 * facilitator's view always equals the stored answers.
 *
 * **Disagreement** of a question is the spread of the scores of the options people chose,
 * normalised to [0, 1]: the population standard deviation of the chosen options' scores divided
 * by half the range of the question's option scores (the largest standard deviation possible,
 * reached when the room splits evenly between the lowest and the highest option). 0 means
 * everyone chose options of the same score; 1 means an even split between the two extremes.
 * "Don't know" carries no score: it is counted apart and does not enter the measure. With fewer
 * than two scored answers there is nothing to disagree about, and the measure is null.
 *
 * **Role divergence** (the heat map) says how far one role tag stands from the rest of the room
 * on a dimension: for each question, the distance between the mean score of that role's answers
 * and the mean score of everyone else's, divided by the question's score range (so in [0, 1]),
 * averaged over the dimension's questions where both sides answered.
 */

/** One row of the database's count of answers. `optionId` is null for "don't know". */
export type AnswerCount = {
  questionId: string;
  roleTag: string | null;
  optionId: string | null;
  count: number;
};

export type OptionTally = { optionId: string; label: string; score: number; count: number };

export type Distribution = {
  options: OptionTally[];
  dontKnow: number;
  /** Answers with an option (not "don't know"). */
  scored: number;
  /** Mean score of the scored answers, 0–4, or null. */
  mean: number | null;
  /** Normalised spread of scores in [0, 1], or null under two scored answers. */
  disagreement: number | null;
};

export type QuestionAggregate = Distribution & {
  questionId: string;
  dimensionId: string;
  prompt: string;
  /** The same distribution among the participants of each role tag, in the workshop's order. */
  byRole: (Distribution & { roleTag: string })[];
};

const scoreRange = (question: Question) => {
  const scores = question.options.map((o) => o.score);
  return { min: Math.min(...scores), max: Math.max(...scores) };
};

/**
 * The normalised spread of a set of scores (see the module comment), or null under two scores
 * or when the question's options all score the same.
 */
export function disagreement(
  scores: readonly { score: number; count: number }[],
  range: { min: number; max: number },
): number | null {
  const n = scores.reduce((sum, s) => sum + s.count, 0);
  const half = (range.max - range.min) / 2;
  if (n < 2 || half <= 0) return null;
  const mean = scores.reduce((sum, s) => sum + s.score * s.count, 0) / n;
  const variance = scores.reduce((sum, s) => sum + s.count * (s.score - mean) ** 2, 0) / n;
  return Math.min(1, Math.sqrt(variance) / half);
}

/** The distribution of one question's answers, from counts per option id (null: don't know). */
export function distribution(
  question: Question,
  counts: ReadonlyMap<string | null, number>,
): Distribution {
  const options = question.options.map((o) => ({
    optionId: o.id,
    label: o.label,
    score: o.score,
    count: counts.get(o.id) ?? 0,
  }));
  const scored = options.reduce((sum, o) => sum + o.count, 0);
  const mean = scored ? options.reduce((sum, o) => sum + o.score * o.count, 0) / scored : null;
  return {
    options,
    dontKnow: counts.get(null) ?? 0,
    scored,
    mean,
    disagreement: disagreement(options, scoreRange(question)),
  };
}

/**
 * Per question, the room's distribution and disagreement and the same split by role tag.
 * Counts for options the question no longer has are ignored.
 */
export function aggregateAnswers(
  questions: readonly Question[],
  roleTags: readonly string[],
  counts: readonly AnswerCount[],
): QuestionAggregate[] {
  const byQuestion = new Map<string, AnswerCount[]>();
  for (const c of counts)
    byQuestion.set(c.questionId, [...(byQuestion.get(c.questionId) ?? []), c]);
  const tally = (rows: readonly AnswerCount[]) => {
    const map = new Map<string | null, number>();
    for (const r of rows) map.set(r.optionId, (map.get(r.optionId) ?? 0) + r.count);
    return map;
  };
  return questions.map((q) => {
    const rows = byQuestion.get(q.id) ?? [];
    return {
      questionId: q.id,
      dimensionId: q.dimensionId,
      prompt: q.prompt,
      ...distribution(q, tally(rows)),
      byRole: roleTags.map((roleTag) => ({
        roleTag,
        ...distribution(q, tally(rows.filter((r) => r.roleTag === roleTag))),
      })),
    };
  });
}

/** The option chosen most often (the first listed on a tie), or null when none was chosen. */
export function mostChosen(d: Pick<Distribution, "options">): OptionTally | null {
  const top = d.options.reduce<OptionTally | null>(
    (best, o) => (o.count > (best?.count ?? 0) ? o : best),
    null,
  );
  return top;
}

/** Questions most disagreed on first; those without a measure last; ties keep bank order. */
export function sortByDisagreement<T extends { disagreement: number | null }>(
  items: readonly T[],
): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (b.item.disagreement ?? -1) - (a.item.disagreement ?? -1) || a.index - b.index)
    .map(({ item }) => item);
}

export type ConsensusPrefill = { optionId: string } | { dontKnow: true } | null;

/**
 * The answer a consensus starts from: the most common answer. Ties are broken the cautious way
 * and always the same: an option before "don't know", then the lower score (a room split
 * between "documented" and "in people's heads" has not shown it is documented), then the
 * option listed first. No answers, no prefill.
 */
export function consensusPrefill(d: Pick<Distribution, "options" | "dontKnow">): ConsensusPrefill {
  const best = [...d.options]
    .map((o, index) => ({ ...o, index }))
    .filter((o) => o.count > 0)
    .sort((a, b) => b.count - a.count || a.score - b.score || a.index - b.index)[0];
  if (!best) return d.dontKnow > 0 ? { dontKnow: true } : null;
  if (d.dontKnow > best.count) return { dontKnow: true };
  return { optionId: best.optionId };
}

export type HeatMapCell = {
  roleTag: string;
  /** The role's divergence from the rest of the room, in [0, 1], or null without answers. */
  divergence: number | null;
  /** Questions of the dimension where both the role and the rest of the room answered. */
  questions: number;
};

export type HeatMapRow = { dimensionId: string; title: string; cells: HeatMapCell[] };

/** Divergence of each role tag from the rest of the room, by dimension (see the module comment). */
export function divergenceHeatMap(
  aggregates: readonly QuestionAggregate[],
  questions: readonly Question[],
  dimensions: readonly Dimension[],
  roleTags: readonly string[],
): HeatMapRow[] {
  const questionById = new Map(questions.map((q) => [q.id, q]));
  return dimensions.map((dim) => ({
    dimensionId: dim.id,
    title: dim.title,
    cells: roleTags.map((roleTag) => {
      const gaps: number[] = [];
      for (const agg of aggregates) {
        const question = questionById.get(agg.questionId);
        if (agg.dimensionId !== dim.id || !question) continue;
        const role = agg.byRole.find((r) => r.roleTag === roleTag);
        if (!role || role.mean === null) continue;
        const othersScored = agg.scored - role.scored;
        if (othersScored <= 0 || agg.mean === null) continue;
        const othersMean = (agg.mean * agg.scored - role.mean * role.scored) / othersScored;
        const { min, max } = scoreRange(question);
        if (max <= min) continue;
        gaps.push(Math.abs(role.mean - othersMean) / (max - min));
      }
      return {
        roleTag,
        divergence: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null,
        questions: gaps.length,
      };
    }),
  }));
}

export type DimensionProgress = {
  dimensionId: string;
  title: string;
  /** Answers given (options and "don't know") to the dimension's questions. */
  answered: number;
  /** Answers expected: participants × the dimension's questions. */
  expected: number;
};

/** How far the room has got through each dimension, for the presenter view. */
export function dimensionProgress(
  aggregates: readonly Pick<QuestionAggregate, "dimensionId" | "scored" | "dontKnow">[],
  dimensions: readonly Dimension[],
  participants: number,
): DimensionProgress[] {
  return dimensions.map((dim) => {
    const own = aggregates.filter((a) => a.dimensionId === dim.id);
    return {
      dimensionId: dim.id,
      title: dim.title,
      answered: own.reduce((sum, a) => sum + a.scored + a.dontKnow, 0),
      expected: own.length * participants,
    };
  });
}

/**
 * Disagreement from this level up counts as the room being split: the question is listed on
 * the results of the workshop's assessment and enters its assumptions register. 0.3 is, for
 * example, a third of the room a whole option away from the rest on a five-option question.
 */
export const SPLIT_DISAGREEMENT = 0.3;

/** Whether the room was split on a question (see `SPLIT_DISAGREEMENT`). */
export const roomWasSplit = (d: Pick<Distribution, "disagreement">): boolean =>
  (d.disagreement ?? 0) >= SPLIT_DISAGREEMENT;

/** "Every step is documented." → "every step is documented" (acronyms such as "AI" kept). */
function asClause(sentence: string): string {
  const text = sentence.trim().replace(/[.!]+$/, "");
  const [first = "", second = ""] = text;
  return second && second === second.toLowerCase() ? first.toLowerCase() + text.slice(1) : text;
}

/** "Executive mostly “Documented” (3 of 3)" for each role tag that answered. */
export function roleSplit(byRole: QuestionAggregate["byRole"]): string {
  return byRole
    .filter((r) => r.scored + r.dontKnow > 0)
    .map((r) => {
      const answers = r.scored + r.dontKnow;
      const top = mostChosen(r);
      return top && top.count >= r.dontKnow
        ? `${r.roleTag} mostly \u201c${top.label}\u201d (${top.count} of ${answers})`
        : `${r.roleTag} mostly \u201cDon't know\u201d (${r.dontKnow} of ${answers})`;
    })
    .join("; ");
}

/**
 * The assumptions register entries of a workshop's disagreements: for every question where the
 * room was split, "The room was split on whether <the question's assumption>", with the split by
 * role tag; the most disagreed first. The facilitator's note, where there is one, is the evidence.
 */
export function roomSplitAssumptions(
  aggregates: readonly QuestionAggregate[],
  questions: readonly Question[],
  notes: ReadonlyMap<string, string | null> = new Map(),
): AssumptionEntry[] {
  const questionById = new Map(questions.map((q) => [q.id, q]));
  return sortByDisagreement(aggregates.filter(roomWasSplit)).flatMap((agg) => {
    const question = questionById.get(agg.questionId);
    if (!question) return [];
    return [
      {
        questionId: agg.questionId,
        dimensionId: agg.dimensionId,
        assumption: `The room was split on whether ${asClause(question.assumption)} (${roleSplit(agg.byRole)}).`,
        evidence: notes.get(agg.questionId)?.trim() || null,
      },
    ];
  });
}
