import type { Metadata } from "next";
import Link from "next/link";
import { previewInvitation } from "@/db/queries/invitations";
import { findMembership } from "@/db/queries/organisations";
import { getActiveUser } from "@/db/queries/users";
import { auth } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { SignUpForm } from "../../sign-up/_components/sign-up-form";
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
  const session = await auth();
  const user = session?.user?.id ? await getActiveUser(session.user.id) : null;
  const role = ROLE_LABELS[invite.role].toLowerCase();
  const heading = (
    <div>
      <h1 className="text-xl font-semibold">Join {invite.orgName}</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        You have been invited as a <strong className="text-foreground">{role}</strong>.
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
        ) : (
          <AcceptInvitationForm token={token} label={`Join as ${user.email}`} />
        )}
      </div>
    );
  }
  return (
    <div className="grid gap-5">
      {heading}
      <SignUpForm invitationToken={token} />
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
