"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  convertWorkshopToAssessment,
  createWorkshop,
  leadWorkshopTo,
  recordConsensus,
  setWorkshopState,
  updateWorkshop,
} from "@/db/queries/workshops";
import { parseForm } from "@/lib/action-result";
import { orgFormAction } from "@/lib/auth/member-action";
import { WORKSHOP_STATE_LABELS } from "@/lib/domain/workshops";
import {
  consensusFormSchema,
  DONT_KNOW_VALUE,
  joinDimensions,
  leadSchema,
  stateChangeSchema,
  workshopEditSchema,
  workshopFormSchema,
} from "./schemas";

export const createWorkshopAction = orgFormAction(
  (formData) => parseForm(workshopFormSchema, joinDimensions(formData)),
  async (member, input) => {
    const created = await createWorkshop(member, input);
    revalidatePath(`/o/${member.orgSlug}/workshops`);
    redirect(`/o/${member.orgSlug}/workshops/${created.id}`);
  },
);

export const updateWorkshopAction = orgFormAction(
  (formData) => parseForm(workshopEditSchema, joinDimensions(formData)),
  async (member, input, id: string) => {
    await updateWorkshop(member, id, input);
    revalidatePath(`/o/${member.orgSlug}/workshops`, "layout");
    redirect(`/o/${member.orgSlug}/workshops/${id}`);
  },
);

export const setWorkshopStateAction = orgFormAction(
  stateChangeSchema,
  async (member, input, id: string) => {
    const w = await setWorkshopState(member, id, input.to, input.version);
    revalidatePath(`/o/${member.orgSlug}/workshops`, "layout");
    return { ok: true, message: `${WORKSHOP_STATE_LABELS[w.state]}.` };
  },
);

export const leadWorkshopAction = orgFormAction(leadSchema, async (member, input, id: string) => {
  await leadWorkshopTo(member, id, input.dimensionId);
  revalidatePath(`/o/${member.orgSlug}/workshops/${id}`);
  return { ok: true, message: "The room follows." };
});

export const recordConsensusAction = orgFormAction(
  consensusFormSchema,
  async (member, input, id: string) => {
    const dontKnow = input.answer === DONT_KNOW_VALUE;
    await recordConsensus(member, id, {
      questionId: input.questionId,
      optionId: dontKnow ? null : input.answer,
      dontKnow,
      note: input.note,
    });
    revalidatePath(`/o/${member.orgSlug}/workshops/${id}`);
    return { ok: true, message: "Recorded." };
  },
);

export const convertWorkshopAction = orgFormAction(null, async (member, _input, id: string) => {
  const { assessmentId } = await convertWorkshopToAssessment(member, id);
  revalidatePath(`/o/${member.orgSlug}/workshops`, "layout");
  redirect(`/o/${member.orgSlug}/assessments/${assessmentId}`);
});
