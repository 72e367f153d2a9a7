import { NextResponse } from "next/server";
import {
  applicableQuestions,
  getAssessment,
  listAssessments,
  previewResult,
  startAssessment,
} from "@/db/queries/assessments";
import { apiRoute, parseJson, parseQuery } from "@/lib/api/handler";
import { assessmentQuerySchema, startAssessmentSchema } from "@/lib/api/schemas";
import { serializeAssessment, serializeAssessmentSummary } from "@/lib/api/serialize";

/** Assessments, newest first; `useCaseId` narrows them to one use case. */
export const GET = apiRoute(async (ctx, request) => {
  const filters = parseQuery(request, assessmentQuerySchema);
  return { data: (await listAssessments(ctx, filters)).map(serializeAssessmentSummary) };
});

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
