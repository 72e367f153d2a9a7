import type { Metadata } from "next";
import Link from "next/link";
import { resendVerificationAction } from "@/app/account/actions";
import { ResendVerificationForm } from "@/components/account/resend-verification-form";
import { SignUpForm } from "@/components/account/sign-up-form";
import { previewInvitation, VERIFY_BEFORE_JOINING } from "@/db/queries/invitations";
import { findMembership } from "@/db/queries/organisations";
import { isEmailVerified } from "@/db/queries/users";
import { currentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { signUpAction } from "../../sign-up/actions";
import { AcceptInvitationForm } from "./_components/accept-form";

export const metadata: Metadata = { title: "Invitation · Preflight" };

const UNUSABLE = {
  expired: "This invitation has expired.",
  used: "This invitation has already been used.",
  revoked: "This invitation was withdrawn.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await previewInvitation(token);
  if (invite?.status !== "valid") {
    return (
      <div className="grid gap-3">
        <h1 className="text-xl font-semibold">This link cannot be used</h1>
        <p className="text-sm text-muted-foreground">
          {invite ? UNUSABLE[invite.status] : "This invitation link is not valid."} Ask an admin of
          the organisation for a new link.
        </p>
        <Link className="text-sm font-medium text-primary hover:underline" href="/sign-in">
          Go to sign in
        </Link>
      </div>
    );
  }
  const user = await currentUser();
  const role = ROLE_LABELS[invite.role].toLowerCase();
  const heading = (
    <div>
      <h1 className="text-xl font-semibold">Join {invite.orgName}</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        You have been invited as a <strong className="text-foreground">{role}</strong>
        {invite.email ? (
          <>
            {" "}
            with the address <strong className="text-foreground">{invite.email}</strong>
          </>
        ) : null}
        .
      </p>
    </div>
  );
  if (user) {
    const member = await findMembership(user.id, invite.orgSlug);
    return (
      <div className="grid gap-5">
        {heading}
        {member ? (
          <p className="text-sm">
            You are already a member.{" "}
            <Link
              className="font-medium text-primary hover:underline"
              href={`/o/${invite.orgSlug}`}
            >
              Open {invite.orgName}
            </Link>
          </p>
        ) : invite.email?.toLowerCase() !== user.email.toLowerCase() ? (
          <p className="text-sm" data-testid="invitation-for-someone-else">
            This invitation is for <strong>{invite.email ?? "someone else"}</strong>, and you are
            signed in as <strong>{user.email}</strong>. Sign in with the invited address, or ask an
            admin of {invite.orgName} for an invitation of your own.
          </p>
        ) : isEmailVerified(user) ? (
          <AcceptInvitationForm token={token} label={`Join as ${user.email}`} />
        ) : (
          <div className="grid gap-3 text-sm" data-testid="verify-before-joining">
            <p>{VERIFY_BEFORE_JOINING}</p>
            <p className="text-muted-foreground">
              The link went to <strong className="text-foreground">{user.email}</strong>. Once it is
              verified, come back to this page to join.
            </p>
            <ResendVerificationForm action={resendVerificationAction} />
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="grid gap-5">
      {heading}
      <SignUpForm
        signUpAction={signUpAction}
        invitationToken={token}
        invitedEmail={invite.email ?? undefined}
      />
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link
          className="font-medium text-primary hover:underline"
          href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}
        >
          Sign in to accept
        </Link>
      </p>
    </div>
  );
}
