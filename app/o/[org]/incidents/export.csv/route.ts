import { listIncidents } from "@/db/queries/incidents";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { incidentCsvHeader, incidentsToCsv } from "@/lib/domain/incidents/csv";
import { queryOf } from "@/lib/pages";
import { incidentFilterSchema, toFilters } from "../schemas";

/**
 * The filtered incident list as CSV, streamed a page at a time so that 100,000 incidents never
 * sit in memory at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const filters = toFilters(incidentFilterSchema.parse(queryOf(request)));
  return csvDownload(member, async () => {
    // Asked once before streaming, so a refusal is an error status rather than a broken file.
    await listIncidents(member, filters, { limit: 1, withTotal: false });
    const encoder = new TextEncoder();
    let cursor: string | undefined;
    let started = false;
    const csv = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(incidentCsvHeader(member.currency)));
        }
        const page = await listIncidents(member, filters, { cursor, limit: 500, withTotal: false });
        if (page.items.length > 0) {
          controller.enqueue(encoder.encode(`${incidentsToCsv(page.items, member.currency)}\r\n`));
        }
        if (!page.nextCursor) controller.close();
        cursor = page.nextCursor ?? undefined;
      },
    });
    return { name: "incidents", csv };
  });
}
