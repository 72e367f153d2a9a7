import { listAssessmentAnswersForExport } from "@/db/queries/exports";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { assessmentAnswersToCsv } from "@/lib/domain/question-bank/csv";
import { queryOf } from "@/lib/pages";
import { assessmentListFilterSchema, toAssessmentFilters } from "../schemas";

/** The answers of the listed assessments as CSV, one row per answer with its question. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const filters = toAssessmentFilters(assessmentListFilterSchema.parse(queryOf(request)));
  return csvDownload(member, async () => ({
    name: "assessment-answers",
    csv: assessmentAnswersToCsv(await listAssessmentAnswersForExport(member, filters)),
  }));
}
