/**
 * The loop from prediction to outcome (pure): which readiness dimension each incident category
 * tests, how a dimension's answers read at the pilot's start (weak, unknown or answered well),
 * and how pilots' readiness at start compares with what happened after.
 */
import { INCIDENT_CATEGORIES, type IncidentCategory, type Severity } from "../incidents";
import type { PilotStatus } from "../pilots";
import type { Band } from "../scoring/bands";
import type { Stage } from "../stages";

/**
 * The dimension of the question bank whose answers an incident of each category puts to the
 * test, with why. `null` marks a category no dimension predicts; every category is listed.
 */
export const CATEGORY_DIMENSIONS: Record<
  IncidentCategory,
  { dimensionId: string | null; why: string }
> = {
  stale_data: {
    dimensionId: "data",
    why: "Out-of-date records are a data freshness failure.",
  },
  identity_mismatch: {
    dimensionId: "data",
    why: "Matching the wrong record means the sources of truth do not agree.",
  },
  permission_overreach: {
    dimensionId: "permissions",
    why: "Touching what it should not is a permissions boundary that did not hold.",
  },
  integration_failure: {
    dimensionId: "integration",
    why: "Timeouts and outages of a connected system test integration reliability.",
  },
  partial_failure: {
    dimensionId: "integration",
    why: "Half-completed requests and retries are an integration reliability failure.",
  },
  incorrect_output: {
    dimensionId: "observability",
    why: "Wrong output reaching anyone means verification and evaluation missed it.",
  },
  approval_bypass: {
    dimensionId: "permissions",
    why: "An action that skipped its approval is an approval boundary that did not hold.",
  },
  escalation_mishandled: {
    dimensionId: "handoffs",
    why: "A case that did not reach the right person tests hand-offs and ownership.",
  },
  other: {
    dimensionId: null,
    why: "Not tied to any dimension: it counts in the totals but predicts nothing.",
  },
};

/** Short names of the dimensions, for chart axes (tables use the full titles). */
const DIMENSION_SHORT_TITLES: Record<string, string> = {
  process: "Process",
  data: "Data",
  permissions: "Permissions",
  integration: "Integration",
  reversibility: "Reversibility",
  observability: "Observability",
  handoffs: "Hand-offs",
  governance: "Governance",
};

/** A dimension's short name, or its title when it has none. */
export function dimensionShortTitle(id: string, title: string): string {
  return DIMENSION_SHORT_TITLES[id] ?? title;
}

/** The dimension an incident category tests, or null for a category no dimension predicts. */
export function dimensionForCategory(category: IncidentCategory): string | null {
  return CATEGORY_DIMENSIONS[category].dimensionId;
}

/** The categories that test a dimension (none for process clarity or governance). */
export function categoriesForDimension(dimensionId: string): IncidentCategory[] {
  return INCIDENT_CATEGORIES.filter((c) => CATEGORY_DIMENSIONS[c].dimensionId === dimensionId);
}

/** A dimension known score (0–100, known answers only) below this reads as weak. */
export const WEAK_SCORE_BELOW = 50;
/** At least this share of a dimension's questions not known ("don't know" or unanswered) reads as unknown. */
export const UNKNOWN_SHARE_FROM = 0.3;
/** A dimension answered well: a known score of at least this… */
export const WELL_SCORE_FROM = 70;
/** …with at most this share of its questions not known. */
export const WELL_UNKNOWN_SHARE_AT_MOST = 0.2;
/** An answer to a question (0–4) of at least this said the question was in hand. */
export const WELL_ANSWER_SCORE_FROM = 3;

/** How a dimension's answers read at the pilot's start. */
export type DimensionReading = "weak" | "unknown" | "mixed" | "well" | "not_asked";

export const DIMENSION_READING_LABELS: Record<DimensionReading, string> = {
  weak: "Weak",
  unknown: "Not known",
  mixed: "Middling",
  well: "Answered well",
  not_asked: "Not asked",
};

/** The numbers the scoring model gives each dimension that the reading depends on. */
export type DimensionFigures = {
  /** 0–100 with unknown answers as gaps. */
  score: number;
  /** 0–100 on the known answers only; null when none is known. */
  knownScore: number | null;
  /** Questions asked. */
  applicable: number;
  /** Questions answered with an option. */
  answered: number;
};

/** Share of a dimension's asked questions not known; null when none was asked. */
export function unknownShare(d: DimensionFigures): number | null {
  if (d.applicable <= 0) return null;
  return Math.max(0, d.applicable - d.answered) / d.applicable;
}

/**
 * How a dimension reads: unknown when a large share is not known (checked first: a score on a
 * few answers says little), weak when the known answers score low, answered well when they
 * score high and little is unknown, middling otherwise.
 */
export function readDimension(d: DimensionFigures): DimensionReading {
  const share = unknownShare(d);
  if (share === null) return "not_asked";
  if (share >= UNKNOWN_SHARE_FROM || d.knownScore === null) return "unknown";
  if (d.knownScore < WEAK_SCORE_BELOW) return "weak";
  if (d.knownScore >= WELL_SCORE_FROM && share <= WELL_UNKNOWN_SHARE_AT_MOST) return "well";
  return "mixed";
}

/** Whether a reading predicted trouble. */
export const predictsTrouble = (r: DimensionReading) => r === "weak" || r === "unknown";

/** Definitions shown beside the numbers of the loop and the lessons. */
export const LOOP_DEFINITIONS = {
  window:
    "Counted from the pilot's start, or from the assessment's submission when that came later (an assessment cannot predict what happened before it), to today.",
  readinessAtStart:
    "Readiness at start: overall score (0–100) and band of the assessment the pilot was started from, or else the latest submitted before its start.",
  incidentRate:
    "Incidents per 1,000 actions: incidents of the pilot in the window per 1,000 actions attempted in its run metrics over the same window.",
  incidentCost: "Incident cost: sum of the cost estimates of those incidents.",
  rollbacks: "Rollbacks: times the pilot was rolled back to an earlier stage in the window.",
  weakOrUnknown: `Weak or not known: a dimension whose known answers score below ${WEAK_SCORE_BELOW} out of 100, or with ${UNKNOWN_SHARE_FROM * 100}% or more of its questions answered "don't know" or left open.`,
  answeredWell: `Answered well: a dimension whose known answers score ${WELL_SCORE_FROM} or more out of 100, with at most ${WELL_UNKNOWN_SHARE_AT_MOST * 100}% of its questions not known.`,
  matching:
    "Matching incidents: incidents in the window whose category tests the dimension (stale data and record mismatches test data, outages and partial failures integration, and so on).",
  register:
    "On the register: incidents that broke an assumption written down before they started (the assessment's register, or one added during the pilot). Written down after: the assumption was added once it had broken. Not linked: no assumption named.",
  lesson:
    "Lesson: an incident whose category tests a dimension the pilot's assessment answered well: the answers said it was in hand and it was not.",
} as const;

/** The assessment a pilot is compared with. */
export type LoopAssessment = {
  id: string;
  overall: number | null;
  band: Band | null;
  confidence: number | null;
  submittedAt: Date | null;
};

/** One pilot's figures, as the database aggregates them. */
export type LoopPilotInput = {
  pilotId: string;
  useCaseId: string;
  useCaseName: string;
  stage: Stage;
  status: PilotStatus;
  assessment: LoopAssessment | null;
  /** Start of the window (see LOOP_DEFINITIONS.window). */
  since: Date;
  actions: number;
  rollbacks: number;
  /** The assessment's dimensions at submission (empty without an assessment). */
  dimensions: (DimensionFigures & { id: string; title: string })[];
  /** Incidents in the window by category, with their cost and how they relate to the register. */
  incidents: {
    category: IncidentCategory;
    count: number;
    cost: number;
    onRegister: number;
    writtenAfter: number;
  }[];
};

export type LoopDimensionRow = {
  id: string;
  title: string;
  reading: DimensionReading;
  knownScore: number | null;
  unknownShare: number | null;
  /** Incidents in the window in the categories that test this dimension. */
  incidents: number;
};

export type RegisterSplit = {
  onRegister: number;
  writtenAfter: number;
  notLinked: number;
  /** onRegister / all incidents; null without incidents. */
  shareOnRegister: number | null;
};

export type LoopPilotRow = Omit<LoopPilotInput, "dimensions" | "incidents"> & {
  incidents: number;
  incidentRate: number | null;
  incidentCost: number;
  register: RegisterSplit;
  dimensions: LoopDimensionRow[];
};

/** Across pilots: how each dimension read at their starts, and what followed. */
export type LoopDimensionSummary = {
  id: string;
  title: string;
  categories: IncidentCategory[];
  /** Pilots whose assessment read the dimension as weak or not known, and as answered well. */
  pilotsWeakOrUnknown: number;
  pilotsWell: number;
  /** Matching incidents after a weak or not-known reading, a middling one, and one answered well. */
  afterWeakOrUnknown: number;
  afterMixed: number;
  afterWell: number;
};

/** What the assessments predicted against what happened, for one pilot or a portfolio. */
export type LoopDto = {
  scope: "pilot" | "portfolio";
  pilots: LoopPilotRow[];
  totals: {
    actions: number;
    incidents: number;
    incidentRate: number | null;
    incidentCost: number;
    rollbacks: number;
    /** Incidents whose category maps to no dimension. */
    unmapped: number;
    /** Incidents of pilots without an assessment to compare with. */
    unassessed: number;
  };
  dimensions: LoopDimensionSummary[];
  register: RegisterSplit;
};

const ratePerThousand = (incidents: number, actions: number) =>
  actions > 0 ? (incidents / actions) * 1000 : null;

function registerSplit(onRegister: number, writtenAfter: number, total: number): RegisterSplit {
  return {
    onRegister,
    writtenAfter,
    notLinked: total - onRegister - writtenAfter,
    shareOnRegister: total > 0 ? onRegister / total : null,
  };
}

/** Puts pilots' aggregated figures together into the loop: per pilot, per dimension, in total. */
export function buildLoop(scope: LoopDto["scope"], inputs: readonly LoopPilotInput[]): LoopDto {
  const summaries = new Map<string, LoopDimensionSummary>();
  const totals = { ...emptyTotals() };
  let onRegister = 0;
  let writtenAfter = 0;
  const pilots = inputs.map((p): LoopPilotRow => {
    const count = p.incidents.reduce((s, i) => s + i.count, 0);
    const cost = p.incidents.reduce((s, i) => s + i.cost, 0);
    const on = p.incidents.reduce((s, i) => s + i.onRegister, 0);
    const after = p.incidents.reduce((s, i) => s + i.writtenAfter, 0);
    const byDimension = new Map<string, number>();
    for (const i of p.incidents) {
      const dim = dimensionForCategory(i.category);
      if (dim === null) totals.unmapped += i.count;
      else byDimension.set(dim, (byDimension.get(dim) ?? 0) + i.count);
    }
    if (!p.assessment) totals.unassessed += count;
    const dimensions = p.dimensions.map((d): LoopDimensionRow => {
      const reading = readDimension(d);
      const incidents = byDimension.get(d.id) ?? 0;
      const s = summaries.get(d.id) ?? {
        id: d.id,
        title: d.title,
        categories: categoriesForDimension(d.id),
        pilotsWeakOrUnknown: 0,
        pilotsWell: 0,
        afterWeakOrUnknown: 0,
        afterMixed: 0,
        afterWell: 0,
      };
      if (predictsTrouble(reading)) {
        s.pilotsWeakOrUnknown++;
        s.afterWeakOrUnknown += incidents;
      } else if (reading === "well") {
        s.pilotsWell++;
        s.afterWell += incidents;
      } else if (reading === "mixed") s.afterMixed += incidents;
      summaries.set(d.id, s);
      return {
        id: d.id,
        title: d.title,
        reading,
        knownScore: d.knownScore,
        unknownShare: unknownShare(d),
        incidents,
      };
    });
    totals.actions += p.actions;
    totals.incidents += count;
    totals.incidentCost += cost;
    totals.rollbacks += p.rollbacks;
    onRegister += on;
    writtenAfter += after;
    const { dimensions: _d, incidents: _i, ...rest } = p;
    return {
      ...rest,
      incidents: count,
      incidentRate: ratePerThousand(count, p.actions),
      incidentCost: cost,
      register: registerSplit(on, after, count),
      dimensions,
    };
  });
  return {
    scope,
    pilots,
    totals: { ...totals, incidentRate: ratePerThousand(totals.incidents, totals.actions) },
    dimensions: [...summaries.values()],
    register: registerSplit(onRegister, writtenAfter, totals.incidents),
  };
}

function emptyTotals() {
  return { actions: 0, incidents: 0, incidentCost: 0, rollbacks: 0, unmapped: 0, unassessed: 0 };
}

/** An answer of the assessment that said a dimension was in hand. */
export type TrustedAnswer = { questionId: string; prompt: string; answer: string };

/** One lesson: an incident after its dimension was answered well. */
export type LessonDto = {
  incidentId: string;
  title: string;
  severity: Severity;
  category: IncidentCategory;
  startedAt: Date;
  costEstimate: number | null;
  pilotId: string;
  useCaseName: string;
  assessmentId: string;
  assessmentSubmittedAt: Date | null;
  dimensionId: string;
  dimensionTitle: string;
  /** The dimension's known score at the assessment. */
  knownScore: number | null;
  /**
   * The answers to distrust: the broken assumption's question when the incident names one in
   * this dimension, else every answer of the dimension that scored well.
   */
  answers: TrustedAnswer[];
  /** Whether `answers` is the one question whose assumption the incident broke. */
  pinned: boolean;
};

/** Lessons of one dimension, with the answers behind them most often first. */
export type LessonGroup = {
  dimensionId: string;
  dimensionTitle: string;
  lessons: LessonDto[];
  answers: (TrustedAnswer & { lessons: number; pinned: number })[];
};

/**
 * Lessons grouped by dimension (most lessons first), each with the answers behind them: how
 * many lessons followed each answer, and how many broke that answer's assumption outright.
 */
export function groupLessons(lessons: readonly LessonDto[]): LessonGroup[] {
  const groups = new Map<string, LessonGroup>();
  for (const lesson of lessons) {
    const g = groups.get(lesson.dimensionId) ?? {
      dimensionId: lesson.dimensionId,
      dimensionTitle: lesson.dimensionTitle,
      lessons: [],
      answers: [],
    };
    g.lessons.push(lesson);
    for (const a of lesson.answers) {
      const key = `${a.questionId}\u0000${a.answer}`;
      let row = g.answers.find((x) => `${x.questionId}\u0000${x.answer}` === key);
      if (!row) {
        row = { ...a, lessons: 0, pinned: 0 };
        g.answers.push(row);
      }
      row.lessons++;
      if (lesson.pinned) row.pinned++;
    }
    groups.set(lesson.dimensionId, g);
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      answers: g.answers.sort(
        (a, b) => b.pinned - a.pinned || b.lessons - a.lessons || a.prompt.localeCompare(b.prompt),
      ),
    }))
    .sort(
      (a, b) =>
        b.lessons.length - a.lessons.length || a.dimensionTitle.localeCompare(b.dimensionTitle),
    );
}

/** A question's result as the assessment froze it (the fields the lessons read). */
export type FrozenQuestion = {
  questionId: string;
  dimensionId: string;
  prompt: string;
  state: string;
  optionLabel: string | null;
  score: number;
};

/**
 * The answers to distrust behind a lesson: the question whose assumption the incident broke,
 * when it belongs to the dimension, else every answer of the dimension that scored well.
 */
export function answersBehindLesson(
  questions: readonly FrozenQuestion[],
  dimensionId: string,
  brokenQuestionId: string | null,
): { answers: TrustedAnswer[]; pinned: boolean } {
  const toAnswer = (q: FrozenQuestion): TrustedAnswer => ({
    questionId: q.questionId,
    prompt: q.prompt,
    answer: q.optionLabel ?? "Don't know",
  });
  const broken = questions.find(
    (q) => q.questionId === brokenQuestionId && q.dimensionId === dimensionId,
  );
  if (broken) return { answers: [toAnswer(broken)], pinned: true };
  return {
    answers: questions
      .filter(
        (q) =>
          q.dimensionId === dimensionId &&
          q.state === "option" &&
          q.score >= WELL_ANSWER_SCORE_FROM,
      )
      .map(toAnswer),
    pinned: false,
  };
}
