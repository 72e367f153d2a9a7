import { listUseCasesForExport } from "@/db/queries/exports";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { useCasesToCsv } from "@/lib/domain/use-cases/csv";
import { queryOf } from "@/lib/pages";
import { toUseCaseFilters, useCaseListFilterSchema } from "../schemas";

/** The use case list, with the list's filters, as CSV: each with its latest score and band. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const filters = toUseCaseFilters(useCaseListFilterSchema.parse(queryOf(request)));
  return csvDownload(member, async () => ({
    name: "use-cases",
    csv: useCasesToCsv(await listUseCasesForExport(member, filters), member.currency),
  }));
}
