import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { type Column, DataTable } from "@/components/ui/data-table";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { type ApiTokenDto, listApiTokens } from "@/db/queries/api-tokens";
import { requireMember } from "@/lib/auth/session";
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  TOKEN_LIFETIME_CHOICES,
  type TokenStatus,
} from "@/lib/domain/api-tokens";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS, ROLES, roleRank } from "@/lib/domain/roles";
import { formatDateTime } from "@/lib/format";
import { SettingsTabs } from "../_components/settings-tabs";
import { CreateTokenForm } from "./_components/create-token-form";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens · Preflight" };

const STATUS: Record<
  TokenStatus,
  { label: string; tone: "success" | "neutral" | "warning" | "danger"; why?: string }
> = {
  active: { label: "Active", tone: "success" },
  revoked: { label: "Revoked", tone: "danger" },
  expired: { label: "Expired", tone: "neutral" },
  creator_removed: {
    label: "Suspended",
    tone: "warning",
    why: "Its creator is no longer a member.",
  },
  creator_demoted: {
    label: "Suspended",
    tone: "warning",
    why: "Its creator's role is now below the token's.",
  },
  creator_disabled: {
    label: "Suspended",
    tone: "warning",
    why: "Its creator's account is disabled.",
  },
};

const LIFETIMES = TOKEN_LIFETIME_CHOICES.map((days) => ({ value: days, label: `${days} days` }));

export default async function TokensPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const header = (
    <PageHeader
      title="Settings"
      description="Tokens let other systems push incidents and metrics into Preflight."
    />
  );
  if (!can(member, "tokens:manage")) {
    return (
      <>
        {header}
        <SettingsTabs member={member} current="tokens" />
        <NoAccess what="API tokens" />
      </>
    );
  }
  const tokens = await listApiTokens(member);
  const roles = ROLES.filter((r) => roleRank(r) <= roleRank(member.role)).map((r) => ({
    value: r,
    label: ROLE_LABELS[r],
  }));
  const revoke = revokeTokenAction.bind(null, member.orgSlug);
  const columns: Column<ApiTokenDto>[] = [
    { key: "name", header: "Name", rowHeader: true, cell: (t) => t.name },
    {
      key: "token",
      header: "Token",
      className: "font-mono text-xs",
      cell: (t) => `${t.tokenPrefix}…`,
    },
    { key: "role", header: "Role", cell: (t) => ROLE_LABELS[t.role] },
    {
      key: "created",
      header: "Created",
      className: "text-muted-foreground",
      cell: (t) => (
        <>
          {formatDateTime(t.createdAt)}
          <div className="text-xs">
            {t.createdByEmail
              ? `by ${t.createdByName} (${t.createdByEmail})`
              : "on the command line"}
          </div>
        </>
      ),
    },
    {
      key: "expires",
      header: "Expires",
      className: "text-muted-foreground",
      cell: (t) => formatDateTime(t.expiresAt),
    },
    {
      key: "lastUsed",
      header: "Last used",
      className: "text-muted-foreground",
      cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"),
    },
    {
      key: "status",
      header: "Status",
      cell: (t) => (
        <>
          <Badge tone={STATUS[t.status].tone}>{STATUS[t.status].label}</Badge>
          {STATUS[t.status].why ? (
            <div className="mt-1 text-xs text-muted-foreground">{STATUS[t.status].why}</div>
          ) : null}
        </>
      ),
    },
    {
      key: "actions",
      header: "Actions",
      headerHidden: true,
      align: "right",
      cell: (t) =>
        t.revokedAt ? null : (
          <ConfirmForm
            action={revoke}
            fields={{ tokenId: t.id }}
            triggerLabel="Revoke"
            title={`Revoke “${t.name}”?`}
            description="Requests using this token will be refused from now on. This cannot be undone; create a new token if you need one."
            confirmLabel="Revoke token"
          />
        ),
    },
  ];
  return (
    <>
      {header}
      <SettingsTabs member={member} current="tokens" />
      <div className="grid gap-6">
        <Card>
          <CardHeader
            title="Create an API token"
            description={
              <>
                A token acts with the role you give it, never more than yours: it stops working when
                it expires, and while you are no longer a member of the organisation, are demoted
                below its role, or your account is disabled. The API is described at{" "}
                <Link className="text-primary hover:underline" href="/api/v1/openapi.json">
                  /api/v1/openapi.json
                </Link>
                .
              </>
            }
          />
          <CreateTokenForm
            action={createTokenAction.bind(null, member.orgSlug)}
            roles={roles}
            lifetimes={LIFETIMES}
            defaultLifetime={DEFAULT_TOKEN_LIFETIME_DAYS}
          />
        </Card>
        <Card>
          <CardHeader
            title="Tokens"
            description="Revoked tokens stop working at once. Suspended tokens work again if their creator gets their membership or role back; revoke them to end them for good."
          />
          <DataTable
            caption="API tokens"
            columns={columns}
            rows={tokens}
            stackOnPhones
            empty={{
              icon: KeyRound,
              title: "No tokens yet",
              compact: true,
              children: "Create one above to let another system use the API.",
            }}
          />
        </Card>
      </div>
    </>
  );
}
