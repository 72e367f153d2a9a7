"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { startAssessment } from "@/db/queries/assessments";
import { addInventoryAction, removeInventoryAction } from "@/db/queries/inventory";
import { inventoryActionInputSchema } from "@/lib/api/inventory-schemas";
import { orgFormAction } from "@/lib/auth/member-action";
import { removeActionSchema } from "./schemas";

export const addInventoryActionAction = orgFormAction(
  inventoryActionInputSchema,
  async (member, input, useCaseId: string) => {
    const added = await addInventoryAction(member, useCaseId, input);
    revalidatePath(`/o/${member.orgSlug}/use-cases/${useCaseId}`);
    return { ok: true, message: `Added “${added.name}”.` };
  },
);

export const removeInventoryActionAction = orgFormAction(
  removeActionSchema,
  async (member, { actionId, version }, useCaseId: string) => {
    await removeInventoryAction(member, useCaseId, actionId, version);
    revalidatePath(`/o/${member.orgSlug}/use-cases/${useCaseId}`);
    return { ok: true };
  },
);

export const startAssessmentAction = orgFormAction(
  null,
  async (member, _input, useCaseId: string) => {
    const { id } = await startAssessment(member, useCaseId);
    revalidatePath(`/o/${member.orgSlug}/use-cases/${useCaseId}`);
    redirect(`/o/${member.orgSlug}/assessments/${id}`);
  },
);
