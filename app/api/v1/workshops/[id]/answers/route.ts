import { listWorkshopAnswers, workshopAnswersCsv } from "@/db/queries/workshops";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { serializeWorkshopAnswer } from "@/lib/api/serialize";
import { workshopAnswersQuerySchema } from "@/lib/api/workshop-schemas";
import { csvResponse } from "@/lib/csv-download";

/**
 * Every individual answer, as JSON or (`?format=csv`) as the same CSV file the workshop page
 * offers; participant numbers and no names when the workshop is anonymous.
 */
export const GET = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const { format } = parseQuery(request, workshopAnswersQuerySchema);
  if (format === "csv") return csvResponse(ctx, await workshopAnswersCsv(ctx, id));
  return { data: (await listWorkshopAnswers(ctx, id)).map(serializeWorkshopAnswer) };
});
