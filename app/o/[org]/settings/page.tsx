import type { Metadata } from "next";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getOrganisation } from "@/db/queries/organisations";
import { getPortfolioSettings } from "@/db/queries/portfolio";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { CURRENCIES, formatCurrencyName, formatDate } from "@/lib/format";
import { OrganisationForm } from "./_components/organisation-form";
import { PortfolioSettingsForm } from "./_components/portfolio-settings-form";
import { SettingsTabs } from "./_components/settings-tabs";
import { updateOrganisationAction, updatePortfolioSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings · Preflight" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const [org, portfolio] = await Promise.all([
    getOrganisation(member),
    getPortfolioSettings(member),
  ]);
  const isAdmin = can(member, "org:update");
  return (
    <>
      <PageHeader title="Settings" description="How this organisation is set up in Preflight." />
      <SettingsTabs member={member} current="general" />
      <Card>
        <CardHeader
          title="Organisation"
          description={
            <>
              Address <code className="font-mono">/o/{org.slug}</code> · created{" "}
              {formatDate(org.createdAt)} · your role: {ROLE_LABELS[member.role]}
            </>
          }
        />
        {/* Not keyed by version: a save re-renders it with the new version and keeps "Saved.". */}
        <OrganisationForm
          action={updateOrganisationAction.bind(null, org.slug)}
          name={org.name}
          currency={org.currency}
          currencies={CURRENCIES.map((c) => ({ value: c, label: formatCurrencyName(c) }))}
          version={org.version}
          canEdit={isAdmin}
        />
      </Card>
      <Card className="mt-4">
        <CardHeader
          title="Portfolio"
          description="How the dashboard judges time: when a pilot counts as stalled, and when an assessment is due again."
        />
        <PortfolioSettingsForm
          action={updatePortfolioSettingsAction.bind(null, org.slug)}
          stallDays={portfolio.stallDays}
          reviewIntervalDays={portfolio.reviewIntervalDays}
          version={portfolio.version}
          canEdit={isAdmin}
        />
      </Card>
      {can(member, "org:export") ? (
        <Card className="mt-4">
          <CardHeader
            title="Export the organisation"
            description={
              <>
                One JSON file with everything this organisation holds — members, use cases,
                assessments, pilots, run metrics, incidents, the audit log and settings — and no
                passwords, sessions or API tokens. Import it on any Preflight installation with{" "}
                <code className="font-mono">npm run org:import</code>, as a backup or to move to
                another database. Only owners can download it; each download is in the audit log.
              </>
            }
          />
          <a
            href={`/o/${org.slug}/settings/export.json`}
            download
            className={buttonVariants({ variant: "outline" })}
          >
            Download export
          </a>
        </Card>
      ) : null}
    </>
  );
}
