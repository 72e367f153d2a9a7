"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { sendApiTokenCreatedNotice } from "@/lib/auth/account";
import { requireMember, requireUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/origin";
import { createTokenSchema, revokeTokenSchema } from "./schemas";

export async function createTokenAction(
  orgSlug: string,
  _prev: ActionState<{ token: string }>,
  formData: FormData,
): Promise<ActionState<{ token: string }>> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const user = await requireUser();
    const input = parseForm(createTokenSchema, formData);
    const { token, apiToken } = await createApiToken(member, input);
    const origin = await publicOrigin();
    // A token the creator did not make stands out in their inbox.
    after(() =>
      sendApiTokenCreatedNotice(
        { orgSlug: member.orgSlug, orgName: member.orgName, creator: user, token: apiToken },
        origin,
      ),
    );
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
