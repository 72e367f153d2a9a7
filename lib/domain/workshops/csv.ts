import { formatIsoDateTime } from "@/lib/format";
import { type CsvColumn, csvTable } from "../csv";
import type { WorkshopAnswerRow } from "./dto";

const COLUMNS: CsvColumn<WorkshopAnswerRow>[] = [
  { header: "participant", value: (r) => r.participant },
  { header: "name", value: (r) => r.displayName },
  { header: "role_tag", value: (r) => r.roleTag },
  { header: "account", value: (r) => (r.member ? "member" : "guest") },
  { header: "dimension", value: (r) => r.dimension },
  { header: "question_id", value: (r) => r.questionId },
  { header: "question", value: (r) => r.prompt },
  { header: "answer", value: (r) => (r.dontKnow ? "Don't know" : r.answer) },
  { header: "score", value: (r) => r.score },
  { header: "comment", value: (r) => r.comment },
  { header: "updated_at", value: (r) => formatIsoDateTime(r.updatedAt) },
];

/**
 * Every individual answer of a workshop, one row each. An anonymous workshop's file has no
 * name column at all: participants are known by their number only.
 */
export function workshopAnswersToCsv(
  rows: readonly WorkshopAnswerRow[],
  anonymous: boolean,
): string {
  return csvTable(anonymous ? COLUMNS.filter((c) => c.header !== "name") : COLUMNS, rows);
}
