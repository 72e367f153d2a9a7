import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers, type MemberDto } from "@/db/queries/members";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS, ROLES, roleRank } from "@/lib/domain/roles";
import { formatDate } from "@/lib/format";
import { SettingsTabs } from "../_components/settings-tabs";
import { InviteForm } from "./_components/invite-form";
import { RoleForm } from "./_components/role-form";
import {
  changeRoleAction,
  createInvitationAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members · Preflight" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const slug = member.orgSlug;
  const canManage = can(member, "members:manage");
  const [members, invitations] = await Promise.all([
    listMembers(member),
    canManage ? listPendingInvitations(member) : Promise.resolve([]),
  ]);
  // Nobody grants a role above their own.
  const grantable = ROLES.filter((r) => roleRank(r) <= roleRank(member.role)).map((r) => ({
    value: r,
    label: ROLE_LABELS[r],
  }));
  const selfId = member.actor.type === "user" ? member.actor.userId : null;
  const manageable = (m: MemberDto) => canManage && roleRank(m.role) <= roleRank(member.role);
  const columns: Column<MemberDto>[] = [
    {
      key: "name",
      header: "Name",
      rowHeader: true,
      cell: (m) => (
        <>
          {m.name} {m.userId === selfId ? <Badge>you</Badge> : null}
        </>
      ),
    },
    {
      key: "email",
      header: "Email",
      className: "break-all text-muted-foreground",
      cell: (m) => m.email,
    },
    {
      key: "role",
      header: "Role",
      cell: (m) =>
        manageable(m) ? (
          <RoleForm
            key={`${m.id}-${m.version}`}
            action={changeRoleAction.bind(null, slug)}
            membershipId={m.id}
            memberName={m.name}
            role={m.role}
            version={m.version}
            roles={grantable}
          />
        ) : (
          ROLE_LABELS[m.role]
        ),
    },
    {
      key: "joined",
      header: "Joined",
      className: "whitespace-nowrap text-muted-foreground",
      cell: (m) => formatDate(m.joinedAt),
    },
    {
      key: "actions",
      header: "Actions",
      headerHidden: true,
      align: "right",
      cell: (m) => {
        const isSelf = m.userId === selfId;
        return manageable(m) || isSelf ? (
          <ConfirmForm
            action={removeMemberAction.bind(null, slug)}
            fields={{ membershipId: m.id, self: isSelf ? "1" : "0" }}
            triggerLabel={isSelf ? "Leave" : "Remove"}
            title={isSelf ? `Leave ${member.orgName}?` : `Remove ${m.name}?`}
            description={
              isSelf
                ? "You will lose access to this organisation until someone invites you again."
                : `${m.name} will lose access to ${member.orgName} at once. You can invite them again later.`
            }
            confirmLabel={isSelf ? "Leave" : "Remove"}
          />
        ) : null;
      },
    },
  ];
  return (
    <>
      <PageHeader title="Settings" description="Who can see and change this organisation's work." />
      <SettingsTabs member={member} current="members" />
      <div className="grid gap-6">
        {canManage ? (
          <Card>
            <CardHeader
              title="Invite someone"
              description="We email the person a link (you can also copy it). It works only for an account with that address, once the address is verified, and joins them with the role you choose."
            />
            <InviteForm action={createInvitationAction.bind(null, slug)} roles={grantable} />
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Members" description={`${members.length} in ${member.orgName}`} />
          <DataTable
            caption="Members"
            columns={columns}
            rows={members}
            rowTestId={(m) => `member-${m.email}`}
            stackOnPhones
          />
        </Card>
        {canManage ? (
          <Card>
            <CardHeader
              title="Pending invitations"
              description="Links that have not been used yet."
            />
            {invitations.length === 0 ? (
              <p className="text-sm text-muted-foreground">No pending invitations.</p>
            ) : (
              <ul className="divide-y text-sm">
                {invitations.map((inv) => (
                  <li
                    key={inv.id}
                    className="flex flex-wrap items-center justify-between gap-3 py-2"
                  >
                    <span>
                      <strong className="font-medium">{ROLE_LABELS[inv.role]}</strong>
                      {inv.email ? ` for ${inv.email}` : ""} · by{" "}
                      {inv.createdByName ?? "a former member"} · expires {formatDate(inv.expiresAt)}
                    </span>
                    <ConfirmForm
                      action={revokeInvitationAction.bind(null, slug)}
                      fields={{ invitationId: inv.id }}
                      triggerLabel="Revoke"
                      title="Revoke this invitation?"
                      description="The link will stop working. You can create a new one at any time."
                      confirmLabel="Revoke"
                    />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
