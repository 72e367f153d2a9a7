import { getWorkshop, listWorkshopAnswers } from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import { csvDownload } from "@/lib/csv-download";
import { workshopAnswersToCsv } from "@/lib/domain/workshops/csv";

/** Every individual answer of a workshop as CSV; numbers instead of names when anonymous. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ org: string; id: string }> },
) {
  const { org, id } = await params;
  const member = await requireMember(org);
  return csvDownload(member, async () => {
    const [workshop, rows] = await Promise.all([
      getWorkshop(member, id),
      listWorkshopAnswers(member, id),
    ]);
    return { name: "workshop-answers", csv: workshopAnswersToCsv(rows, workshop.anonymous) };
  });
}
