"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requestPasswordReset } from "@/lib/auth/account";
import { forgotPasswordSchema } from "@/lib/auth/schemas";
import { requestAddress } from "@/lib/client-address";
import { publicOrigin } from "@/lib/origin";

export async function forgotPasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const { email } = parseForm(forgotPasswordSchema, formData);
    const message = await requestPasswordReset(
      { email, address: requestAddress(await headers()), origin: await publicOrigin() },
      (task) => after(task),
    );
    return { ok: true, message };
  });
}
