import { workshopAnswersCsv } from "@/db/queries/workshops";
import { memberCsvRoute } from "@/lib/csv-download";

/** Every individual answer of a workshop as CSV; numbers instead of names when anonymous. */
export const GET = memberCsvRoute(async (member, id) => workshopAnswersCsv(member, id));
