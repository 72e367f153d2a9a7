import { listRunMetricsForExport } from "@/db/queries/exports";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { pilotRunMetricsToCsv } from "@/lib/domain/pilots/csv";
import { queryOf } from "@/lib/pages";
import { pilotBoardFilterSchema, toPilotFilters } from "../schemas";

/** Run metrics of the pilots on the board, with its filters, as CSV: one row per pilot and period. */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const filters = toPilotFilters(pilotBoardFilterSchema.parse(queryOf(request)));
  return csvDownload(member, async () => ({
    name: "run-metrics",
    csv: pilotRunMetricsToCsv(await listRunMetricsForExport(member, filters)),
  }));
}
