import { getPilot } from "@/db/queries/pilots";
import { listRunMetrics } from "@/db/queries/run-metrics";
import { requireMember } from "@/lib/auth/session";
import { runMetricsToCsv } from "@/lib/domain/pilots/csv";
import { AppError } from "@/lib/errors";
import { slugify } from "@/lib/slug";

/** The pilot's run metrics as CSV, in the columns the import accepts. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ org: string; id: string }> },
) {
  const { org, id } = await params;
  const member = await requireMember(org);
  try {
    const [pilot, metrics] = await Promise.all([getPilot(member, id), listRunMetrics(member, id)]);
    return new Response(runMetricsToCsv(metrics), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slugify(pilot.useCaseName) || "pilot"}-run-metrics.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
