import { applicableQuestions, getAssessment, previewResult } from "@/db/queries/assessments";
import { apiRoute } from "@/lib/api/handler";
import { serializeAssessment } from "@/lib/api/serialize";

export const GET = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  const assessment = await getAssessment(ctx, id);
  return serializeAssessment(
    assessment,
    await applicableQuestions(ctx, assessment),
    assessment.result ?? previewResult(assessment),
  );
});
