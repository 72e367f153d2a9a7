import { applicableQuestions, submitAssessment } from "@/db/queries/assessments";
import { apiRoute } from "@/lib/api/handler";
import { serializeAssessment } from "@/lib/api/serialize";

export const POST = apiRoute<{ id: string }>(async (ctx, _request, { id }) => {
  const assessment = await submitAssessment(ctx, id);
  return serializeAssessment(
    assessment,
    await applicableQuestions(ctx, assessment),
    assessment.result!,
  );
});
