import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ACTION_ACCESS, BLAST_RADIUS, FREQUENCY, REVERSIBILITY } from "@/lib/domain/actions";
import {
  type AnswerInput,
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
} from "@/lib/domain/question-bank";
import {
  type AssessmentResult,
  BAND_LABELS,
  BANDS,
  bandIndex,
  scoreAssessment,
} from "@/lib/domain/scoring";

/** Where the calibration set lives: one JSON file per described workflow. */
export const REFERENCE_CASES_DIR = path.resolve(
  import.meta.dirname,
  "../../tests/fixtures/reference-cases",
);

export const referenceCaseSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(3),
  description: z.string().min(40),
  justification: z.string().min(40),
  order: z.number().int().min(1),
  expectedBand: z.object({ min: z.enum(BANDS), max: z.enum(BANDS) }),
  inventory: z
    .array(
      z.object({
        name: z.string().min(1),
        system: z.string().min(1),
        access: z.enum(ACTION_ACCESS),
        reversibility: z.enum(REVERSIBILITY),
        blastRadius: z.enum(BLAST_RADIUS),
        frequency: z.enum(FREQUENCY),
      }),
    )
    .min(1),
  answers: z.record(z.string(), z.string()),
  /** Evidence behind known answers, by question id; "*" backs every known answer. */
  evidence: z.record(z.string(), z.string().min(1)).optional(),
});
export type ReferenceCase = z.infer<typeof referenceCaseSchema>;

/** Every reference case, parsed, in expected order (least ready first). */
export function loadReferenceCases(dir = REFERENCE_CASES_DIR): ReferenceCase[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => referenceCaseSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))))
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** The answers of a case as the engine takes them ("dont_know" is the unknown answer). */
export function caseAnswers(c: ReferenceCase): AnswerInput[] {
  return Object.entries(c.answers).map(([questionId, value]) =>
    value === "dont_know"
      ? { questionId, dontKnow: true }
      : {
          questionId,
          optionId: value,
          evidence: c.evidence?.[questionId] ?? c.evidence?.["*"],
        },
  );
}

export type ScoredCase = { case: ReferenceCase; result: AssessmentResult; inRange: boolean };

/** Scores every case on the current question bank. */
export function scoreReferenceCases(cases = loadReferenceCases()): ScoredCase[] {
  const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!;
  return cases.map((c) => {
    const result = scoreAssessment({
      bank,
      answers: caseAnswers(c),
      inventory: c.inventory.map((a, i) => ({ id: `${c.id}-${i}`, ...a })),
    });
    const i = bandIndex(result.band);
    return {
      case: c,
      result,
      inRange: i >= bandIndex(c.expectedBand.min) && i <= bandIndex(c.expectedBand.max),
    };
  });
}

const range = (c: ReferenceCase) =>
  c.expectedBand.min === c.expectedBand.max
    ? BAND_LABELS[c.expectedBand.min]
    : `${BAND_LABELS[c.expectedBand.min]} – ${BAND_LABELS[c.expectedBand.max]}`;

/** The README's calibration table, in Markdown. */
export function calibrationTable(scored = scoreReferenceCases()): string {
  const rows = scored.map(({ case: c, result: r, inRange }) => {
    const unknown = r.counts.dontKnow + r.counts.unanswered;
    return `| ${c.order} | ${c.title} | ${range(c)} | ${BAND_LABELS[r.band]}${r.provisional ? " (provisional)" : ""} | ${r.bestCaseBand === r.band ? "—" : BAND_LABELS[r.bestCaseBand]} | ${r.overall} | ${r.knownScore ?? "—"} | ${Math.round(r.confidence * 100)}% | ${unknown} of ${r.counts.applicable} | ${r.blockers.filter((b) => b.status === "confirmed").length} / ${r.blockers.filter((b) => b.status === "unverified").length} | ${inRange ? "yes" : "**no**"} |`;
  });
  return [
    "| # | Reference workflow | Expected band | Scored band | Could reach once unknowns are settled | Score | On known answers | Confidence | Unknown | Blockers (confirmed / unverified) | In range |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}
