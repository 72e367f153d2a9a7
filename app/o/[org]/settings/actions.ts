"use server";

import { revalidatePath } from "next/cache";
import { updateOrganisation } from "@/db/queries/organisations";
import { updatePortfolioSettings } from "@/db/queries/portfolio";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { portfolioSettingsFormSchema, updateOrganisationSchema } from "./schemas";

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

export async function updatePortfolioSettingsAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(portfolioSettingsFormSchema, formData);
    await updatePortfolioSettings(member, input);
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  });
}
