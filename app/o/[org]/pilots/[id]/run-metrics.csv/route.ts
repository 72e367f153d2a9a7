import { getPilot } from "@/db/queries/pilots";
import { listRunMetrics } from "@/db/queries/run-metrics";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { runMetricsToCsv } from "@/lib/domain/pilots/csv";
import { slugify } from "@/lib/slug";

/** The pilot's run metrics as CSV, in the columns the import accepts. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ org: string; id: string }> },
) {
  const { org, id } = await params;
  const member = await requireMember(org);
  return csvDownload(member, async () => {
    const [pilot, metrics] = await Promise.all([getPilot(member, id), listRunMetrics(member, id)]);
    return {
      name: `${slugify(pilot.useCaseName) || "pilot"}-run-metrics`,
      csv: runMetricsToCsv(metrics),
    };
  });
}
