import { formatIsoDateTime, roundTo } from "@/lib/format";
import { type CsvColumn, csvTable } from "../csv";
import { getQuestionBank } from "./index";
import type { AnswerOption, Question } from "./types";

/** One stored answer, with the assessment it belongs to. */
export type AnswerCsvRow = {
  assessmentId: string;
  useCaseName: string;
  status: string;
  bankVersion: string;
  submittedAt: Date | null;
  overall: number | null;
  band: string | null;
  questionId: string;
  optionId: string | null;
  dontKnow: boolean;
  evidence: string | null;
  answeredByName: string | null;
  answeredAt: Date;
};

type Resolved = AnswerCsvRow & {
  question: Question | undefined;
  dimension: string;
  option: AnswerOption | undefined;
};

const COLUMNS: CsvColumn<Resolved>[] = [
  { header: "assessment_id", value: (r) => r.assessmentId },
  { header: "use_case", value: (r) => r.useCaseName },
  { header: "assessment_status", value: (r) => r.status },
  { header: "question_bank", value: (r) => r.bankVersion },
  { header: "submitted_at", value: (r) => formatIsoDateTime(r.submittedAt) },
  { header: "overall_score", value: (r) => (r.overall === null ? null : roundTo(r.overall, 1)) },
  { header: "band", value: (r) => r.band },
  { header: "dimension", value: (r) => r.dimension },
  { header: "question_id", value: (r) => r.questionId },
  { header: "question", value: (r) => r.question?.prompt ?? "" },
  { header: "answer_id", value: (r) => (r.dontKnow ? "dont_know" : r.optionId) },
  { header: "answer", value: (r) => (r.dontKnow ? "Don't know" : (r.option?.label ?? "")) },
  { header: "answer_score", value: (r) => (r.dontKnow ? null : r.option?.score) },
  { header: "evidence", value: (r) => r.evidence },
  { header: "answered_by", value: (r) => r.answeredByName },
  { header: "answered_at", value: (r) => formatIsoDateTime(r.answeredAt) },
];

/**
 * Assessment answers as CSV, one row per answer, each with its question's text, dimension and
 * the question bank version it was asked from. Assessments keep the order they come in; within
 * one, answers follow the bank's question order.
 */
export function assessmentAnswersToCsv(rows: readonly AnswerCsvRow[]): string {
  const groups = new Map<string, number>();
  const resolved = rows.map((row, i) => {
    if (!groups.has(row.assessmentId)) groups.set(row.assessmentId, groups.size);
    const bank = getQuestionBank(row.bankVersion);
    const index = bank?.questions.findIndex((q) => q.id === row.questionId) ?? -1;
    const question = index >= 0 ? bank?.questions[index] : undefined;
    return {
      i,
      index,
      row: {
        ...row,
        question,
        dimension: bank?.dimensions.find((d) => d.id === question?.dimensionId)?.title ?? "",
        option: question?.options.find((o) => o.id === row.optionId),
      },
    };
  });
  resolved.sort(
    (a, b) =>
      groups.get(a.row.assessmentId)! - groups.get(b.row.assessmentId)! ||
      a.index - b.index ||
      a.i - b.i,
  );
  return csvTable(
    COLUMNS,
    resolved.map((r) => r.row),
  );
}
