"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { AuthError } from "next-auth";
import { registerUser } from "@/db/queries/accounts";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { signIn } from "@/lib/auth";
import { sendVerificationEmail } from "@/lib/auth/account";
import { hashPassword } from "@/lib/auth/password";
import { assertSignUpAllowed } from "@/lib/auth/rate-limits";
import { inviteSignUpSchema, signUpSchema } from "@/lib/auth/schemas";
import { requestAddress } from "@/lib/client-address";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/origin";

// Deliberately vague, so the form does not reveal which emails have accounts.
const NOT_CREATED =
  "We could not create an account with these details. If you already have one, sign in instead.";

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async () => {
    const invitationToken = formData.get("invitationToken");
    const input =
      typeof invitationToken === "string" && invitationToken
        ? { ...parseForm(inviteSignUpSchema, formData), invitationToken }
        : parseForm(signUpSchema, formData);
    // Before the (deliberately slow) password hash, so a flood of sign-ups costs little.
    await assertSignUpAllowed(requestAddress(await headers()));
    const passwordHash = await hashPassword(input.password);
    const registered = await registerUser({ ...input, passwordHash });
    if (!registered) throw new AppError("conflict", NOT_CREATED);
    const origin = await publicOrigin();
    after(() => sendVerificationEmail(registered.user, origin));
    // Someone who came with an invitation joins once their address is verified: back to it.
    const next =
      "invitationToken" in input
        ? `/invite/${encodeURIComponent(input.invitationToken)}`
        : `/o/${registered.orgSlug}`;
    try {
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirectTo: next,
      });
    } catch (error) {
      // The account exists; only the automatic sign-in was refused (e.g. too many attempts
      // from this network). Send them to sign in rather than showing an error page.
      if (error instanceof AuthError)
        redirect(`/sign-in?callbackUrl=${encodeURIComponent(next)}&reason=created`);
      throw error;
    }
    return { ok: true };
  });
}
