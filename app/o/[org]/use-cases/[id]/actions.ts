"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { startAssessment } from "@/db/queries/assessments";
import { addInventoryAction, removeInventoryAction } from "@/db/queries/inventory";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { inventoryActionInputSchema } from "@/lib/api/inventory-schemas";
import { requireMember } from "@/lib/auth/session";
import { removeActionSchema } from "./schemas";

export async function addInventoryActionAction(
  orgSlug: string,
  useCaseId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(inventoryActionInputSchema, formData);
    const added = await addInventoryAction(member, useCaseId, input);
    revalidatePath(`/o/${orgSlug}/use-cases/${useCaseId}`);
    return { ok: true, message: `Added “${added.name}”.` };
  });
}

export async function removeInventoryActionAction(
  orgSlug: string,
  useCaseId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { actionId, version } = parseForm(removeActionSchema, formData);
    await removeInventoryAction(member, useCaseId, actionId, version);
    revalidatePath(`/o/${orgSlug}/use-cases/${useCaseId}`);
    return { ok: true };
  });
}

export async function startAssessmentAction(
  orgSlug: string,
  useCaseId: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { id } = await startAssessment(member, useCaseId);
    revalidatePath(`/o/${orgSlug}/use-cases/${useCaseId}`);
    redirect(`/o/${orgSlug}/assessments/${id}`);
  });
}
