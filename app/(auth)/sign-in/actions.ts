"use server";

import { AuthError } from "next-auth";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { signIn } from "@/lib/auth";
import { SIGN_IN_LIMITS, tooManyAttemptsMessage } from "@/lib/auth/rate-limits";
import { safeCallbackUrl, signInSchema } from "@/lib/auth/schemas";

const MESSAGES: Record<string, string> = {
  rate_limited: tooManyAttemptsMessage(SIGN_IN_LIMITS.windowMs),
  disabled: "This account has been disabled. Ask your administrator.",
};

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, async () => {
    const input = parseForm(signInSchema, formData);
    try {
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirectTo: safeCallbackUrl(input.callbackUrl),
      });
    } catch (error) {
      if (error instanceof AuthError) {
        const code = "code" in error && typeof error.code === "string" ? error.code : "";
        return {
          ok: false,
          error: MESSAGES[code] ?? "The email or password is incorrect.",
          values: { email: input.email },
        };
      }
      throw error; // the redirect after a successful sign-in
    }
    return { ok: true };
  });
}

export async function ssoSignInAction(formData: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeCallbackUrl(String(formData.get("callbackUrl") ?? "")) });
}
