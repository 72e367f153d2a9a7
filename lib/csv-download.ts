import { requireMember } from "@/lib/auth/session";
import { csvFilename } from "@/lib/domain/csv";
import type { MemberContext } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";

export type CsvExport = {
  /** What the file holds, for its name: "use-cases" gives "<org>-use-cases-<date>.csv". */
  name: string;
  csv: string | ReadableStream<Uint8Array>;
};

/** A CSV file as an attachment, named after the organisation, what it holds and the day. */
export function csvResponse(member: Pick<MemberContext, "orgSlug">, file: CsvExport): Response {
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(member.orgSlug, file.name, new Date())}"`,
      "Cache-Control": "no-store",
    },
  });
}

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
  return csvResponse(member, file);
}

/**
 * The GET handler of a CSV of one object under `/o/[org]/…/[id]/`: only members of the
 * organisation download it, and `build` runs its queries as that member.
 */
export function memberCsvRoute(
  build: (member: MemberContext, id: string) => Promise<CsvExport>,
): (
  request: Request,
  context: { params: Promise<{ org: string; id: string }> },
) => Promise<Response> {
  return async (_request, { params }) => {
    const { org, id } = await params;
    const member = await requireMember(org);
    return csvDownload(member, () => build(member, id));
  };
}
