import { listIncidents } from "@/db/queries/incidents";
import { requireMember } from "@/lib/auth/session";
import { INCIDENT_CSV_COLUMNS, incidentsToCsv } from "@/lib/domain/incidents/csv";
import { AppError } from "@/lib/errors";
import { incidentFilterSchema, toFilters } from "../schemas";

/**
 * The filtered incident list as CSV, streamed a page at a time so that 100,000 incidents never
 * sit in memory at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const f = incidentFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const filters = toFilters(f);
  try {
    await listIncidents(member, filters, { limit: 1, withTotal: false });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${INCIDENT_CSV_COLUMNS.join(",")}\r\n`));
      }
      const page = await listIncidents(member, filters, { cursor, limit: 500, withTotal: false });
      if (page.items.length > 0) {
        const csv = incidentsToCsv(page.items);
        controller.enqueue(encoder.encode(`${csv}\r\n`));
      }
      if (!page.nextCursor) controller.close();
      cursor = page.nextCursor ?? undefined;
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="incidents-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
