import { z } from "zod";

/** Filters of the assessments list, from the query string; unknown values are ignored. */
export const assessmentListFilterSchema = z.object({
  useCase: z.uuid().optional().catch(undefined),
});

/** The query layer's filters for the list's parameters (the list and its CSV export). */
export function toAssessmentFilters(f: z.infer<typeof assessmentListFilterSchema>) {
  return { useCaseId: f.useCase };
}
