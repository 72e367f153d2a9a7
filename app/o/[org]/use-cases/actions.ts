"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createUseCase, setUseCaseArchived, updateUseCase } from "@/db/queries/use-cases";
import { parseForm } from "@/lib/action-result";
import { orgFormAction } from "@/lib/auth/member-action";
import type { MemberContext } from "@/lib/domain/permissions";
import { useCaseFormSchema, versionSchema } from "./schemas";

/** The use case form, in the organisation's currency; an edit carries the version it read. */
const useCaseForm = (formData: FormData, member: MemberContext) =>
  parseForm(useCaseFormSchema(member.currency), formData);
const useCaseEdit = (formData: FormData, member: MemberContext) =>
  parseForm(useCaseFormSchema(member.currency).extend(versionSchema.shape), formData);

export const createUseCaseAction = orgFormAction(useCaseForm, async (member, input) => {
  const created = await createUseCase(member, input);
  revalidatePath(`/o/${member.orgSlug}/use-cases`);
  redirect(`/o/${member.orgSlug}/use-cases/${created.id}`);
});

export const updateUseCaseAction = orgFormAction(useCaseEdit, async (member, input, id: string) => {
  await updateUseCase(member, id, input);
  revalidatePath(`/o/${member.orgSlug}/use-cases`, "layout");
  redirect(`/o/${member.orgSlug}/use-cases/${id}`);
});

export const setArchivedAction = orgFormAction(
  null,
  async (member, _input, id: string, archived: boolean) => {
    await setUseCaseArchived(member, id, archived);
    revalidatePath(`/o/${member.orgSlug}/use-cases`, "layout");
    return { ok: true, message: archived ? "Archived." : "Restored." };
  },
);
