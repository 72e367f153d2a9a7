import type { AnswerDto, AssessmentDto, AssessmentSummaryDto } from "@/db/queries/assessments";
import type { PilotAssumptionDto } from "@/db/queries/pilot-assumptions";
import type { OverrideRequestDto } from "@/db/queries/pilot-override-requests";
import type { PilotDto, PilotGateDto, TransitionDto } from "@/db/queries/pilots";
import type { UseCaseDto } from "@/db/queries/use-cases";
import type { AssessmentResult } from "@/lib/domain/scoring";
import type { WorkshopAnswerRow, WorkshopDto } from "@/lib/domain/workshops";
import type { Currency } from "@/lib/format";

/** The API shape of a use case (dates as ISO strings), with the currency its amount is in. */
export function serializeUseCase(u: UseCaseDto, currency: Currency) {
  return {
    ...u,
    currency,
    archivedAt: u.archivedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** What an assessment and its list row both start with: which use case, which bank, how far. */
function assessmentHead(a: AssessmentDto | AssessmentSummaryDto) {
  return {
    id: a.id,
    useCaseId: a.useCaseId,
    useCaseName: a.useCaseName,
    bankVersion: a.bankVersion,
    status: a.status,
  };
}

/** The API shape of an assessment: answers, what applies, and the (frozen or preview) result. */
export function serializeAssessment(
  a: AssessmentDto,
  applicable: string[],
  result: AssessmentResult,
) {
  return {
    ...assessmentHead(a),
    previousId: a.previousId,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    answers: a.answers.map(serializeAnswer),
    applicable,
    result,
  };
}

/** The API shape of an assessment in a list: status and, once submitted, its verdict. */
export function serializeAssessmentSummary(a: AssessmentSummaryDto) {
  return {
    ...assessmentHead(a),
    overall: a.overall,
    band: a.band,
    confidence: a.confidence,
    answered: a.answered,
    createdBy: a.createdByName,
    createdAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
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

/** The API shape of a pilot: its gate checked now, its timeline and its assumptions. */
export function serializePilot(
  p: PilotDto,
  gate: PilotGateDto,
  timeline: TransitionDto[],
  assumptions: PilotAssumptionDto[],
) {
  return {
    id: p.id,
    useCaseId: p.useCaseId,
    useCaseName: p.useCaseName,
    assessmentId: p.assessmentId,
    ownerId: p.ownerId,
    ownerName: p.ownerName,
    stage: p.stage,
    status: p.status,
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    startDate: p.startDate,
    targetDate: p.targetDate,
    rollbackPlan: p.rollbackPlan,
    version: p.version,
    gate: {
      nextStage: gate.nextStage,
      pass: gate.evaluation?.pass ?? null,
      criteria: gate.evaluation?.criteria ?? [],
      signoffs: gate.signoffs.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    },
    timeline: timeline.map(serializeTransition),
    assumptions: assumptions.map((a) => ({
      id: a.id,
      text: a.text,
      status: a.status,
      evidence: a.evidence,
      version: a.version,
      updatedAt: a.updatedAt.toISOString(),
    })),
  };
}

export function serializeTransition(t: TransitionDto) {
  return {
    id: t.id,
    kind: t.kind,
    fromStage: t.fromStage,
    toStage: t.toStage,
    actor: t.actorName ?? t.actorLabel,
    reason: t.reason,
    overridden: t.overridden,
    createdAt: t.createdAt.toISOString(),
  };
}

/** The API shape of an override request waiting for (or given) a second approver. */
export function serializeOverrideRequest(r: OverrideRequestDto) {
  return {
    id: r.id,
    pilotId: r.pilotId,
    fromStage: r.fromStage,
    toStage: r.toStage,
    pilotVersion: r.pilotVersion,
    justification: r.justification,
    failing: r.failing,
    requestedBy: r.requestedByName ?? r.requestedByLabel,
    requestedAt: r.requestedAt.toISOString(),
    status: r.status,
    decidedBy: r.decidedByName ?? r.decidedByLabel,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    staleReason: r.staleReason,
    version: r.version,
  };
}

/** A pilot's state after a move, as transition answers carry it. */
export function serializePilotState(p: PilotDto) {
  return {
    id: p.id,
    stage: p.stage,
    status: p.status,
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    version: p.version,
  };
}

/** The API shape of a workshop (dates as ISO strings). */
export function serializeWorkshop(w: WorkshopDto) {
  return {
    ...w,
    closedAt: w.closedAt?.toISOString() ?? null,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}

/** One participant's answer to one question; no name when the workshop is anonymous. */
export function serializeWorkshopAnswer(a: WorkshopAnswerRow) {
  return { ...a, updatedAt: new Date(a.updatedAt).toISOString() };
}
