import { listStageHistoryForExport } from "@/db/queries/exports";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { stageHistoryToCsv } from "@/lib/domain/pilots/csv";
import { queryOf } from "@/lib/pages";
import { pilotBoardFilterSchema, toPilotFilters } from "../schemas";

/** The stage history of the pilots on the board, with its filters, as CSV: one row per move. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const filters = toPilotFilters(pilotBoardFilterSchema.parse(queryOf(request)));
  return csvDownload(member, async () => ({
    name: "pilot-stage-history",
    csv: stageHistoryToCsv(await listStageHistoryForExport(member, filters)),
  }));
}
