import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage } from "@/components/account/auth-page";
import { isPasswordResetLinkUsable } from "@/lib/auth/account";
import { emailLinkTokenSchema } from "@/lib/auth/schemas";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password · Preflight" };

export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  // Opening the link does not use it up (mail scanners open links too): setting the password does.
  const usable =
    emailLinkTokenSchema.safeParse(token).success && (await isPasswordResetLinkUsable(token));
  if (!usable) {
    return (
      <div className="grid gap-3">
        <h1 className="text-xl font-semibold">This link cannot be used</h1>
        <p className="text-sm text-muted-foreground">
          A password reset link works once, for 30 minutes, and stops working once a new password
          has been set with any of your links. Ask for a new one.
        </p>
        <Link className="text-sm font-medium text-primary hover:underline" href="/forgot-password">
          Ask for a new link
        </Link>
      </div>
    );
  }
  return (
    <AuthPage
      title="Choose a new password"
      intro="Setting it signs you out on every device; then sign in with the new password."
    >
      <ResetPasswordForm token={token} />
    </AuthPage>
  );
}
