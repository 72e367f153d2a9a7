"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptInvitation } from "@/db/queries/invitations";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";

const acceptSchema = z.object({ token: z.string().min(10).max(200) });

export async function acceptInvitationAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const user = await requireUser();
    const { token } = parseForm(acceptSchema, formData);
    const { orgSlug } = await acceptInvitation(
      { type: "user", userId: user.id, label: user.email },
      token,
    );
    redirect(`/o/${orgSlug}`);
  });
}
