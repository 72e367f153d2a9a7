"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { resetPassword, sendPasswordChangedNotice } from "@/lib/auth/account";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/origin";

export async function resetPasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const { token, password } = parseForm(resetPasswordSchema, formData);
    const user = await resetPassword(token, password);
    if (!user) {
      throw new AppError(
        "conflict",
        "This link has expired or has already been used. Ask for a new one.",
      );
    }
    const origin = await publicOrigin();
    after(() => sendPasswordChangedNotice(user, "reset", origin));
    redirect("/sign-in?reason=password-reset");
  });
}
