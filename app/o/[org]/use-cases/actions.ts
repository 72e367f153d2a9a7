"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createUseCase, setUseCaseArchived, updateUseCase } from "@/db/queries/use-cases";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { useCaseFormSchema, versionSchema } from "./schemas";

export async function createUseCaseAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(useCaseFormSchema(member.currency), formData);
    const created = await createUseCase(member, input);
    revalidatePath(`/o/${orgSlug}/use-cases`);
    redirect(`/o/${orgSlug}/use-cases/${created.id}`);
  });
}

export async function updateUseCaseAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(
      useCaseFormSchema(member.currency).extend(versionSchema.shape),
      formData,
    );
    await updateUseCase(member, id, input);
    revalidatePath(`/o/${orgSlug}/use-cases`, "layout");
    redirect(`/o/${orgSlug}/use-cases/${id}`);
  });
}

export async function setArchivedAction(
  orgSlug: string,
  id: string,
  archived: boolean,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    await setUseCaseArchived(member, id, archived);
    revalidatePath(`/o/${orgSlug}/use-cases`, "layout");
    return { ok: true, message: archived ? "Archived." : "Restored." };
  });
}
