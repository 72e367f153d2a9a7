"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { createTokenSchema, revokeTokenSchema } from "./schemas";

export async function createTokenAction(
  orgSlug: string,
  _prev: ActionState<{ token: string }>,
  formData: FormData,
): Promise<ActionState<{ token: string }>> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(createTokenSchema, formData);
    const { token } = await createApiToken(member, input);
    revalidatePath(`/o/${orgSlug}/settings/tokens`);
    return { ok: true, data: { token } };
  });
}

export async function revokeTokenAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { tokenId } = parseForm(revokeTokenSchema, formData);
    await revokeApiToken(member, tokenId);
    revalidatePath(`/o/${orgSlug}/settings/tokens`);
    return { ok: true };
  });
}
