import type { Distribution, QuestionAggregate } from "./aggregates";
import type { WorkshopLive } from "./dto";

type PackedRole = Omit<Distribution, "options"> & {
  roleTag: string;
  /** The role's count of each option, in the order of the question's options. */
  counts: number[];
};

/**
 * A live view as a page sends it to the browser: each role's tally is its counts, in the order of
 * the question's options, rather than the options again with their labels (twenty questions of
 * five options for each role tag would repeat every label once a role).
 */
export type PackedWorkshopLive = Omit<WorkshopLive, "questions"> & {
  questions: (Omit<QuestionAggregate, "byRole"> & { byRole: PackedRole[] })[];
};

/** Drops the labels a role's tally repeats from its question. */
export function packWorkshopLive(live: WorkshopLive): PackedWorkshopLive {
  return {
    ...live,
    questions: live.questions.map((q) => ({
      ...q,
      byRole: q.byRole.map(({ options, ...role }) => ({
        ...role,
        counts: q.options.map((o) => options.find((r) => r.optionId === o.optionId)?.count ?? 0),
      })),
    })),
  };
}

/** The live view again, each role's tally with its question's options. */
export function unpackWorkshopLive(packed: PackedWorkshopLive): WorkshopLive {
  return {
    ...packed,
    questions: packed.questions.map((q) => ({
      ...q,
      byRole: q.byRole.map(({ counts, ...role }) => ({
        ...role,
        options: q.options.map((o, i) => ({ ...o, count: counts[i] ?? 0 })),
      })),
    })),
  };
}
