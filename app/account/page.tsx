import type { Metadata } from "next";
import Link from "next/link";
import { OutboxList } from "@/components/account/outbox-list";
import { ResendVerificationForm } from "@/components/account/resend-verification-form";
import { Logo } from "@/components/logo";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { FormMessage } from "@/components/ui/form-message";
import { PageHeader } from "@/components/ui/page-header";
import { listAccountEvents } from "@/db/queries/accounts";
import { listUserOrganisations } from "@/db/queries/organisations";
import { listUserOutbox } from "@/db/queries/outbox";
import { listSsoIdentities } from "@/db/queries/sso";
import { isEmailVerified, userHasPassword } from "@/db/queries/users";
import { ssoProvider } from "@/lib/auth";
import { requireUser } from "@/lib/auth/session";
import { SSO_REFUSAL_MESSAGES } from "@/lib/domain/sso";
import { formatDateTime } from "@/lib/format";
import { mailDelivery } from "@/lib/mail/send";
import { publicOrigin } from "@/lib/origin";
import { ChangePasswordForm } from "./_components/change-password-form";
import {
  changePasswordAction,
  linkSsoAction,
  resendVerificationAction,
  signOutEverywhereAction,
} from "./actions";

export const metadata: Metadata = { title: "Your account · Preflight" };

const EVENTS: Record<string, string> = {
  "user.verification_email_sent": "Verification link sent",
  "user.email_verified": "Email address verified",
  "user.password_reset_requested": "Password reset link sent",
  "user.password_reset": "Password reset with an emailed link; all sessions ended",
  "user.password_changed": "Password changed; all sessions ended",
  "user.sessions_ended": "Signed out of all devices",
  "user.disabled": "Account disabled; all sessions ended",
  "user.enabled": "Account enabled again",
};

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const outbox = mailDelivery() === "outbox";
  const [params, orgs, hasPassword, events, messages] = await Promise.all([
    searchParams,
    listUserOrganisations(user.id),
    userHasPassword(user.id),
    listAccountEvents(user.id),
    outbox ? listUserOutbox(user.id) : Promise.resolve([]),
  ]);
  const verified = isEmailVerified(user);
  const sso = ssoProvider();
  const identities = sso ? await listSsoIdentities(user.id) : [];
  const back = orgs[0] ? { href: `/o/${orgs[0].slug}`, label: `Back to ${orgs[0].name}` } : null;
  return (
    <main className="mx-auto grid w-full max-w-3xl gap-6 px-4 py-8">
      <div className="flex items-center justify-between gap-3">
        <Logo />
        <Link className="text-sm text-primary hover:underline" href={back?.href ?? "/orgs/new"}>
          {back?.label ?? "Create or join an organisation"}
        </Link>
      </div>
      <PageHeader title="Your account" description="Your sign-in details and sessions." />
      {params.changed === "password" ? (
        <FormMessage success="Your password was changed. Every other session has been signed out." />
      ) : null}
      <Card>
        <CardHeader title="Email address" />
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{user.email}</span>
          {verified ? (
            <Badge tone="success">Verified</Badge>
          ) : (
            <Badge tone="warning">Not verified</Badge>
          )}
        </p>
        {verified ? null : (
          <div className="mt-3 grid gap-2 text-sm">
            <p className="text-muted-foreground">
              Open the link we sent to confirm the address is yours. Until then you cannot join
              organisations you are invited to.
            </p>
            <ResendVerificationForm action={resendVerificationAction} />
          </div>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Password"
          description={
            hasPassword
              ? "Changing it signs you out on every other device."
              : "You sign in with single sign-on, so there is no password to change."
          }
        />
        {hasPassword ? <ChangePasswordForm action={changePasswordAction} /> : null}
      </Card>
      {sso ? (
        <Card data-testid="sso-link">
          <CardHeader
            title={sso.name}
            description={`Sign in with ${sso.name} as well as your password. Linking is done here, while you are signed in, so nobody can attach their own identity to your account.`}
          />
          {params.sso === "linked" ? (
            <FormMessage success={`${sso.name} is linked: you can use it to sign in.`} />
          ) : params.sso === "link_unverified" ? (
            <FormMessage error={SSO_REFUSAL_MESSAGES.link_unverified} />
          ) : null}
          {identities.length ? (
            <ul className="mb-3 grid gap-1 text-sm">
              {identities.map((i) => (
                <li key={`${i.issuer}-${i.email}`}>
                  Linked: {i.email} <span className="text-muted-foreground">({i.issuer})</span>
                </li>
              ))}
            </ul>
          ) : null}
          {verified ? (
            <form action={linkSsoAction}>
              <Button type="submit" variant="outline">
                Link {sso.name}
              </Button>
            </form>
          ) : (
            <p className="text-sm text-muted-foreground">{SSO_REFUSAL_MESSAGES.link_unverified}</p>
          )}
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Sessions"
          description="Signed in on a computer that is not yours, or think someone else has your session? End every session, on every device and browser, this one included."
        />
        <ConfirmForm
          action={signOutEverywhereAction}
          fields={{}}
          triggerLabel="Sign out of all devices"
          title="Sign out of all devices?"
          description="Every session ends at once, this one included; sign in again afterwards."
          confirmLabel="Sign out everywhere"
        />
      </Card>
      {outbox ? (
        <Card>
          <CardHeader
            title="Messages"
            description="No mail server is configured (SMTP_URL is not set), so Preflight sends no email. Messages to you are written to the server log and listed here instead, apart from password reset links, which only the server log shows."
          />
          <OutboxList messages={messages} origin={await publicOrigin()} showRecipient={false} />
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Recent account activity" />
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing yet.</p>
        ) : (
          <ul className="divide-y text-sm">
            {events.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{EVENTS[e.action] ?? e.action}</span>
                <span className="text-muted-foreground">
                  {formatDateTime(e.createdAt)} · {e.actorLabel}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </main>
  );
}
