"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { AuthError } from "next-auth";
import { endAllSessions } from "@/db/queries/accounts";
import { isEmailVerified } from "@/db/queries/users";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { signIn, signOut } from "@/lib/auth";
import {
  changePassword,
  sendPasswordChangedNotice,
  sendVerificationEmail,
} from "@/lib/auth/account";
import { assertVerificationEmailAllowed } from "@/lib/auth/rate-limits";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { SSO_LINK_COOKIE, SSO_LINK_TTL_MS, sealSsoLink } from "@/lib/auth/sso-link";
import { requestAddress } from "@/lib/client-address";
import { mailDelivery } from "@/lib/mail/send";
import { publicOrigin } from "@/lib/origin";

/** Sends the signed-in user a new verification link (a few an hour). */
export async function resendVerificationAction(
  _prev: ActionState,
  _formData: FormData,
): Promise<ActionState> {
  return runAction(null, async () => {
    const user = await requireUser();
    if (isEmailVerified(user)) {
      return { ok: true, message: "Your email address is already verified." };
    }
    await assertVerificationEmailAllowed(user.id);
    const origin = await publicOrigin();
    after(() => sendVerificationEmail(user, origin));
    return {
      ok: true,
      message:
        mailDelivery() === "smtp"
          ? `We sent a new link to ${user.email}.`
          : "A new link is on your account page (no mail server is configured).",
    };
  });
}

/**
 * Changes the password after checking the current one; every session ends, and this browser
 * is signed in again with the new password.
 */
export async function changePasswordAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const user = await requireUser();
    const input = parseForm(changePasswordSchema, formData);
    await changePassword(user, input, requestAddress(await headers()));
    const origin = await publicOrigin();
    after(() => sendPasswordChangedNotice(user, "changed", origin));
    try {
      await signIn("credentials", {
        email: user.email,
        password: input.newPassword,
        redirectTo: "/account?changed=password",
      });
    } catch (error) {
      // The password is changed; only signing this browser in again was refused.
      if (error instanceof AuthError) redirect("/sign-in?reason=password-reset");
      throw error;
    }
    return { ok: true };
  });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction(
  _prev: ActionState,
  _formData: FormData,
): Promise<ActionState> {
  return runAction(null, async () => {
    const user = await requireUser();
    await endAllSessions(user);
    await signOut({ redirectTo: "/sign-in?reason=signed-out-everywhere" });
    return { ok: true };
  });
}

/**
 * Starts linking single sign-on to the signed-in account: a short-lived signed cookie says
 * which account the provider's round trip is for, then the provider's sign-in opens.
 */
export async function linkSsoAction(): Promise<void> {
  const user = await requireUser();
  if (!isEmailVerified(user)) redirect("/account?sso=link_unverified");
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  (await cookies()).set(SSO_LINK_COOKIE, sealSsoLink(user.id, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure: (await publicOrigin()).startsWith("https:"),
    maxAge: SSO_LINK_TTL_MS / 1000,
    path: "/",
  });
  await signIn("oidc", { redirectTo: "/account?sso=linked" });
}
