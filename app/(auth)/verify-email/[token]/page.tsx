import type { Metadata } from "next";
import Link from "next/link";
import { resendVerificationAction } from "@/app/account/actions";
import { ResendVerificationForm } from "@/components/account/resend-verification-form";
import { verifyEmailWithToken } from "@/db/queries/accounts";
import { isEmailVerified } from "@/db/queries/users";
import { emailLinkTokenSchema } from "@/lib/auth/schemas";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Verify your email · Preflight" };

const linkClass = "text-sm font-medium text-primary hover:underline";

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Opening the link is the proof: it was sent to that address only, and works once.
  const verified = emailLinkTokenSchema.safeParse(token).success
    ? await verifyEmailWithToken(token)
    : null;
  const user = await currentUser();
  if (verified || (user && isEmailVerified(user))) {
    return (
      <div className="grid gap-3">
        <h1 className="text-xl font-semibold">Your email address is verified</h1>
        <p className="text-sm text-muted-foreground">
          {verified ? `${verified.email} is confirmed as yours.` : "It had already been confirmed."}{" "}
          If you were invited to an organisation, open the invitation link again to join.
        </p>
        <Link className={linkClass} href={user ? "/" : "/sign-in"}>
          {user ? "Continue to Preflight" : "Sign in"}
        </Link>
      </div>
    );
  }
  return (
    <div className="grid gap-3">
      <h1 className="text-xl font-semibold">This link cannot be used</h1>
      <p className="text-sm text-muted-foreground">
        Verification links work once, for 24 hours, and only for the address they were sent to.
        {user ? " Ask for a new one:" : " Sign in to ask for a new one."}
      </p>
      {user ? (
        <ResendVerificationForm action={resendVerificationAction} />
      ) : (
        <Link className={linkClass} href="/sign-in">
          Sign in
        </Link>
      )}
    </div>
  );
}
