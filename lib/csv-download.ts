import { csvFilename } from "@/lib/domain/csv";
import type { MemberContext } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";

export type CsvExport = {
  /** What the file holds, for its name: "use-cases" gives "<org>-use-cases-<date>.csv". */
  name: string;
  csv: string | ReadableStream<Uint8Array>;
};

/**
 * A CSV download for a route handler, named after the caller's organisation, what it holds and
 * the day. `build` runs the export's queries; when they refuse (another organisation's pilot,
 * a role that may not read it) the answer is that status and message, never an empty file.
 */
export async function csvDownload(
  member: MemberContext,
  build: () => Promise<CsvExport>,
): Promise<Response> {
  let file: CsvExport;
  try {
    file = await build();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return new Response(error.message, {
      status: error.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(member.orgSlug, file.name, new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
}
