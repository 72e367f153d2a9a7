import { listIncidents } from "@/db/queries/incidents";
import { requireMember } from "@/lib/auth/session";
import { incidentCsvHeader, incidentsToCsv } from "@/lib/domain/incidents/csv";
import { AppError } from "@/lib/errors";
import { formatIsoDate } from "@/lib/format";
import { incidentFilterSchema, toFilters } from "../schemas";

/**
 * The filtered incident list as CSV, streamed a page at a time so that 100,000 incidents never
 * sit in memory at once.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const filters = toFilters(
    incidentFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)),
  );
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
        controller.enqueue(encoder.encode(incidentCsvHeader()));
      }
      const page = await listIncidents(member, filters, { cursor, limit: 500, withTotal: false });
      if (page.items.length > 0) {
        controller.enqueue(encoder.encode(`${incidentsToCsv(page.items)}\r\n`));
      }
      if (!page.nextCursor) controller.close();
      cursor = page.nextCursor ?? undefined;
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="incidents-${formatIsoDate(new Date())}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
