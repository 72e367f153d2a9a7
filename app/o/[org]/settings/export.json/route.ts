import { exportOrganisation } from "@/db/queries/org-transfer";
import { memberForRequest } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatIsoDate } from "@/lib/format";

/** The whole organisation as one JSON document, for its owners (Settings → General). */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { member, signedIn } = await memberForRequest(request, (await params).org);
  if (!signedIn) return new Response("Sign in to export the organisation.", { status: 401 });
  if (!member) return new Response("The organisation was not found.", { status: 404 });
  try {
    // The data layer checks the role: only owners export.
    const document = await exportOrganisation(member);
    return new Response(JSON.stringify(document, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${member.orgSlug}-export-${formatIsoDate(new Date())}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response(error.message, { status: error.status });
    throw error;
  }
}
