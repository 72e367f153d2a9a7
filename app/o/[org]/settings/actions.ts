"use server";

import { revalidatePath } from "next/cache";
import { updateOrganisation } from "@/db/queries/organisations";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { updateOrganisationSchema } from "./schemas";

export async function updateOrganisationAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(updateOrganisationSchema, formData);
    await updateOrganisation(member, input);
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  });
}
