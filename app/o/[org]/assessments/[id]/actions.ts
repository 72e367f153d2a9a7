"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { saveAnswers, submitAssessment } from "@/db/queries/assessments";
import { orgFormAction } from "@/lib/auth/member-action";
import { requireMember } from "@/lib/auth/session";
import { toAnswerInput } from "@/lib/domain/question-bank/answers";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import { answerChangeSchema } from "./schemas";

export type SaveAnswerResult =
  | {
      ok: true;
      revision: number;
      answeredByName: string | null;
      applicable: string[];
      answers: { questionId: string; optionId: string | null; dontKnow: boolean }[];
    }
  | {
      ok: false;
      error: string;
      current?: {
        optionId: string | null;
        dontKnow: boolean;
        evidence: string | null;
        revision: number;
      } | null;
    };

/** Autosave of one answer from the wizard. */
export async function saveAnswerAction(
  orgSlug: string,
  assessmentId: string,
  payload: unknown,
): Promise<SaveAnswerResult> {
  const member = await requireMember(orgSlug);
  const parsed = answerChangeSchema.safeParse(payload);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error.issues);
    return {
      ok: false,
      error: Object.values(fields).flat()[0] ?? "That answer could not be saved.",
    };
  }
  const { optionId, dontKnow, evidence, questionId, basedOnRevision } = parsed.data;
  const change = {
    ...toAnswerInput({ questionId, optionId, dontKnow, evidence }),
    basedOnRevision,
  };
  try {
    const saved = await saveAnswers(member, assessmentId, [change]);
    const answer = saved.answers.find((a) => a.questionId === questionId);
    return {
      ok: true,
      revision: answer?.revision ?? 1,
      answeredByName: answer?.answeredByName ?? null,
      applicable: saved.applicable,
      answers: saved.answers.map((a) => ({
        questionId: a.questionId,
        optionId: a.optionId,
        dontKnow: a.dontKnow,
      })),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, error: error.message };
  }
}

export const submitAssessmentAction = orgFormAction(
  null,
  async (member, _input, assessmentId: string) => {
    await submitAssessment(member, assessmentId);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    redirect(`/o/${member.orgSlug}/assessments/${assessmentId}/results`);
  },
);
