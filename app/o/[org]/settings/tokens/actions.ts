"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { sendApiTokenCreatedNotice } from "@/lib/auth/account";
import { orgFormAction } from "@/lib/auth/member-action";
import { requireUser } from "@/lib/auth/session";
import { publicOrigin } from "@/lib/origin";
import { createTokenSchema, revokeTokenSchema } from "./schemas";

export const createTokenAction = orgFormAction(createTokenSchema, async (member, input) => {
  const user = await requireUser();
  const { token, apiToken } = await createApiToken(member, input);
  const origin = await publicOrigin();
  // A token the creator did not make stands out in their inbox.
  after(() =>
    sendApiTokenCreatedNotice(
      { orgSlug: member.orgSlug, orgName: member.orgName, creator: user, token: apiToken },
      origin,
    ),
  );
  revalidatePath(`/o/${member.orgSlug}/settings/tokens`);
  return { ok: true, data: { token } };
});

export const revokeTokenAction = orgFormAction(revokeTokenSchema, async (member, { tokenId }) => {
  await revokeApiToken(member, tokenId);
  revalidatePath(`/o/${member.orgSlug}/settings/tokens`);
  return { ok: true };
});
