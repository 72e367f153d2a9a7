"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { WizardSaveResult } from "@/components/assessments/wizard-step";
import { joinWorkshop, saveOwnAnswer } from "@/db/queries/workshop-participants";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { currentParticipant, setParticipantCookie } from "@/lib/auth/participant";
import { currentUser } from "@/lib/auth/session";
import { requestAddress } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { codeFormSchema, joinFormSchema, participantAnswerSchema } from "./schemas";

/** The code typed on /join: to its workshop's page, which looks it up. */
export async function enterCodeAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const { code } = parseForm(codeFormSchema, formData);
    redirect(`/join/${code}`);
  });
}

/**
 * Joins the workshop of `code` as a guest, or as the signed-in person, and keeps the participant
 * session in a cookie.
 */
export async function joinAction(
  code: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const input = parseForm(joinFormSchema, formData);
    const user = await currentUser();
    const joined = await joinWorkshop({
      code,
      displayName: input.displayName,
      roleTag: input.roleTag,
      user: user ? { id: user.id, label: user.email } : null,
      address: requestAddress(await headers()),
    });
    await setParticipantCookie(joined.token, joined.expiresAt);
    redirect(`/join/${code}/answers`);
  });
}

/** Autosave of one of the participant's own answers; ids of `applicable` are the workshop's. */
export async function saveParticipantAnswerAction(
  applicable: string[],
  payload: unknown,
): Promise<WizardSaveResult> {
  const participant = await currentParticipant();
  if (!participant) {
    return { ok: false, error: "Your place in the workshop has ended: join again with the code." };
  }
  const parsed = participantAnswerSchema.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Choose an answer." };
  }
  try {
    await saveOwnAnswer(participant, {
      questionId: parsed.data.questionId,
      optionId: parsed.data.optionId,
      dontKnow: parsed.data.dontKnow,
      comment: parsed.data.evidence,
    });
    return { ok: true, revision: 0, applicable };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}
