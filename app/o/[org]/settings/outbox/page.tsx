import type { Metadata } from "next";
import { OutboxList } from "@/components/account/outbox-list";
import { Card, CardHeader } from "@/components/ui/card";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { listOrganisationOutbox } from "@/db/queries/outbox";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { mailDelivery } from "@/lib/mail/send";
import { publicOrigin } from "@/lib/origin";
import { SettingsTabs } from "../_components/settings-tabs";

export const metadata: Metadata = { title: "Outbox · Preflight" };

export default async function OutboxPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const header = (
    <PageHeader title="Settings" description="The emails Preflight sent to your members." />
  );
  const tabs = <SettingsTabs member={member} current="outbox" />;
  if (!can(member, "outbox:read")) {
    return (
      <>
        {header}
        {tabs}
        <NoAccess what="the outbox" roles="owners" />
      </>
    );
  }
  const [messages, origin] = await Promise.all([listOrganisationOutbox(member), publicOrigin()]);
  const outbox = mailDelivery() === "outbox";
  return (
    <>
      {header}
      {tabs}
      <Card>
        <CardHeader
          title={outbox ? "Outbox: no mail server is configured" : "Delivery log"}
          description={
            outbox
              ? "This page exists because no mail server is configured (SMTP_URL is not set): Preflight sends no email, and writes each message to the server log and here instead. It shows the latest messages to members of this organisation. Verification links only their recipient can read, on their account page; password reset links are only in the server log. Set SMTP_URL and MAIL_FROM to send email."
              : "Email goes through the configured mail server. This shows the latest messages to members of this organisation and whether the server took them; their contents are not kept."
          }
        />
        <OutboxList messages={messages} origin={origin} showRecipient />
      </Card>
    </>
  );
}
