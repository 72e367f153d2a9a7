import type { AnswerDto, AssessmentDto } from "@/db/queries/assessments";
import type { UseCaseDto } from "@/db/queries/use-cases";
import type { AssessmentResult } from "@/lib/domain/scoring";

/** The API shape of a use case (dates as ISO strings). */
export function serializeUseCase(u: UseCaseDto) {
  return {
    ...u,
    archivedAt: u.archivedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** The API shape of an assessment: answers, what applies, and the (frozen or preview) result. */
export function serializeAssessment(
  a: AssessmentDto,
  applicable: string[],
  result: AssessmentResult,
) {
  return {
    id: a.id,
    useCaseId: a.useCaseId,
    useCaseName: a.useCaseName,
    bankVersion: a.bankVersion,
    status: a.status,
    previousId: a.previousId,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    answers: a.answers.map(serializeAnswer),
    applicable,
    result,
  };
}

export function serializeAnswer(a: AnswerDto) {
  return {
    questionId: a.questionId,
    optionId: a.optionId,
    dontKnow: a.dontKnow,
    evidence: a.evidence,
    answeredBy: a.answeredByName,
    updatedAt: a.updatedAt.toISOString(),
  };
}
