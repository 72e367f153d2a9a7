import { NextResponse } from "next/server";
import {
  applicableQuestions,
  getAssessment,
  previewResult,
  startAssessment,
} from "@/db/queries/assessments";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { startAssessmentSchema } from "@/lib/api/schemas";
import { serializeAssessment } from "@/lib/api/serialize";

/** Starts an assessment (201), or returns the one already in progress for the use case (200). */
export const POST = apiRoute(async (ctx, request) => {
  const { useCaseId } = await parseJson(request, startAssessmentSchema);
  const { id, created } = await startAssessment(ctx, useCaseId);
  const assessment = await getAssessment(ctx, id);
  const body = serializeAssessment(
    assessment,
    await applicableQuestions(ctx, assessment),
    previewResult(assessment),
  );
  return NextResponse.json(body, { status: created ? 201 : 200 });
});
