"use server";

import { revalidatePath } from "next/cache";
import { updateOrganisation } from "@/db/queries/organisations";
import { orgFormAction } from "@/lib/auth/member-action";
import { updateOrganisationSchema } from "./schemas";

export const updateOrganisationAction = orgFormAction(
  updateOrganisationSchema,
  async (member, input) => {
    await updateOrganisation(member, input);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  },
);
