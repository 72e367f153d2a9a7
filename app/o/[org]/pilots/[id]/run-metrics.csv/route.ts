import { getPilot } from "@/db/queries/pilots";
import { listRunMetrics } from "@/db/queries/run-metrics";
import { memberCsvRoute } from "@/lib/csv-download";
import { runMetricsToCsv } from "@/lib/domain/pilots/csv";
import { slugify } from "@/lib/slug";

/** The pilot's run metrics as CSV, in the columns the import accepts. */
export const GET = memberCsvRoute(async (member, id) => {
  const [pilot, metrics] = await Promise.all([getPilot(member, id), listRunMetrics(member, id)]);
  return {
    name: `${slugify(pilot.useCaseName) || "pilot"}-run-metrics`,
    csv: runMetricsToCsv(metrics),
  };
});
