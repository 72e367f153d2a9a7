import type { Metadata } from "next";
import { AuthLink, AuthPage } from "@/components/account/auth-page";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { ssoProvider } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/auth/schemas";
import { SSO_REFUSAL_MESSAGES, type SsoRefusal } from "@/lib/domain/sso";
import { SignInForm } from "./_components/sign-in-form";
import { ssoSignInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in · Preflight" };

/** Why someone is on the sign-in page, from `?reason=`. */
const REASONS = {
  inactive: { error: "Your access has ended. Sign in again, or ask your administrator." },
  ended: {
    error:
      "You were signed out: your password was changed or reset, or someone chose to sign out of all devices. Sign in again.",
  },
  created: { success: "Your account is ready. Sign in to continue." },
  "password-reset": { success: "Your password was changed. Sign in with your new password." },
  "signed-out-everywhere": { success: "You have been signed out of all devices." },
} as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(
    typeof params.callbackUrl === "string" ? params.callbackUrl : "/",
  );
  const sso = ssoProvider();
  const ssoError =
    typeof params.error === "string" && params.error.startsWith("sso_")
      ? SSO_REFUSAL_MESSAGES[params.error.slice(4) as SsoRefusal]
      : undefined;
  return (
    <AuthPage
      title="Sign in"
      intro="Check whether your AI workflows are ready for production."
      alternative={{ prompt: "New to Preflight?", href: "/sign-up", label: "Create an account" }}
    >
      {typeof params.reason === "string" && params.reason in REASONS ? (
        <FormMessage {...REASONS[params.reason as keyof typeof REASONS]} />
      ) : null}
      {ssoError ? <FormMessage error={ssoError} /> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="-mt-2 text-sm">
        <AuthLink href="/forgot-password">Forgot your password?</AuthLink>
      </p>
      {sso ? (
        <form action={ssoSignInAction}>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="outline" className="w-full">
            Continue with {sso.name}
          </Button>
        </form>
      ) : null}
    </AuthPage>
  );
}
