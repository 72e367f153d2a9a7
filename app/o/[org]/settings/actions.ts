"use server";

import { revalidatePath } from "next/cache";
import { updateOrganisation } from "@/db/queries/organisations";
import { updatePortfolioSettings } from "@/db/queries/portfolio";
import { orgFormAction } from "@/lib/auth/member-action";
import { portfolioSettingsFormSchema, updateOrganisationSchema } from "./schemas";

export const updateOrganisationAction = orgFormAction(
  updateOrganisationSchema,
  async (member, input) => {
    await updateOrganisation(member, input);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  },
);

export const updatePortfolioSettingsAction = orgFormAction(
  portfolioSettingsFormSchema,
  async (member, input) => {
    await updatePortfolioSettings(member, input);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  },
);
