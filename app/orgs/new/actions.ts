"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { createOrganisationForUser } from "@/db/queries/organisations";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { organisationNameSchema } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";

const schema = z.object({ name: organisationNameSchema });

export async function createOrganisationAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const user = await requireUser();
    const { name } = parseForm(schema, formData);
    const org = await createOrganisationForUser(
      { type: "user", userId: user.id, label: user.email },
      name,
    );
    redirect(`/o/${org.slug}`);
  });
}
