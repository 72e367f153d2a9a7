import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { workshopAnswers, workshopConsensus, workshopParticipants, workshops } from "@/db/schema";
import { getQuestionBank } from "@/lib/domain/question-bank";
import type { AssumptionEntry } from "@/lib/domain/scoring";
import {
  type AnswerCount,
  aggregateAnswers,
  roomSplitAssumptions,
  workshopQuestions,
} from "@/lib/domain/workshops";

// Checks no permission: callers have already read the workshop or assessment with the member's access.

/** A workshop's answers counted per question, option and role tag (the live view's source). */
export async function countWorkshopAnswers(
  tx: Executor,
  workshopId: string,
): Promise<AnswerCount[]> {
  return tx
    .select({
      questionId: workshopAnswers.questionId,
      roleTag: workshopParticipants.roleTag,
      optionId: workshopAnswers.optionId,
      count: sql<number>`count(*)::int`,
    })
    .from(workshopAnswers)
    .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopAnswers.participantId))
    .where(eq(workshopAnswers.workshopId, workshopId))
    .groupBy(workshopAnswers.questionId, workshopParticipants.roleTag, workshopAnswers.optionId);
}

/**
 * The assumptions register entries of the workshop an assessment was converted from: one per
 * question the room was split on. Empty when the assessment did not come from a workshop.
 */
export async function roomSplitsOfAssessment(
  tx: Executor,
  orgId: string,
  assessmentId: string,
): Promise<AssumptionEntry[]> {
  const [workshop] = await tx
    .select({
      id: workshops.id,
      bankVersion: workshops.bankVersion,
      dimensions: workshops.dimensions,
      roleTags: workshops.roleTags,
    })
    .from(workshops)
    .where(and(eq(workshops.orgId, orgId), eq(workshops.assessmentId, assessmentId)));
  const bank = workshop && getQuestionBank(workshop.bankVersion);
  if (!workshop || !bank) return [];
  const questions = workshopQuestions(bank, workshop.dimensions);
  const [counts, notes] = await Promise.all([
    countWorkshopAnswers(tx, workshop.id),
    tx
      .select({ questionId: workshopConsensus.questionId, note: workshopConsensus.note })
      .from(workshopConsensus)
      .where(eq(workshopConsensus.workshopId, workshop.id)),
  ]);
  return roomSplitAssumptions(
    aggregateAnswers(questions, workshop.roleTags, counts),
    questions,
    new Map(notes.map((n) => [n.questionId, n.note])),
  );
}
