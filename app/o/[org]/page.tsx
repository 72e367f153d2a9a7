import { CheckCircle2, Circle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { countMembersByRole } from "@/db/queries/members";
import { listUseCases } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";

export const metadata: Metadata = { title: "Dashboard · Preflight" };

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const [counts, useCases] = await Promise.all([countMembersByRole(member), listUseCases(member)]);
  const total = ROLES.reduce((sum, role) => sum + counts[role], 0);
  const base = `/o/${member.orgSlug}`;
  const steps = [
    {
      done: total > 1,
      label: "Invite the people who run and own the workflow",
      href: `${base}/settings/members`,
    },
    {
      done: useCases.length > 0,
      label: "Describe a candidate use case and the actions the AI would take",
      href: `${base}/use-cases`,
    },
    {
      done: false,
      label: "Assess its readiness before a pilot starts",
      href: `${base}/assessments`,
    },
  ];
  return (
    <>
      <PageHeader
        title={member.orgName}
        description="Which AI workflows are ready for production, and how are the pilots doing?"
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Getting started"
            description="Three steps to your first readiness verdict."
          />
          <ol className="grid gap-2">
            {steps.map((step) => (
              <li key={step.label} className="flex items-center gap-2 text-sm">
                {step.done ? (
                  <CheckCircle2 className="size-4 text-success" aria-label="Done" />
                ) : (
                  <Circle className="size-4 text-muted-foreground" aria-label="To do" />
                )}
                <Link href={step.href} className="hover:underline">
                  {step.label}
                </Link>
              </li>
            ))}
          </ol>
        </Card>
        <Card>
          <CardHeader
            title="Members"
            description={`${total} ${total === 1 ? "person" : "people"} by role`}
          />
          <dl className="grid grid-cols-2 gap-y-1 text-sm">
            {ROLES.map((role) => (
              <div key={role} className="contents">
                <dt className="text-muted-foreground">{ROLE_LABELS[role]}</dt>
                <dd className="text-right font-medium tabular-nums">{counts[role]}</dd>
              </div>
            ))}
          </dl>
          {can(member, "members:invite") ? (
            <Link
              href={`${base}/settings/members`}
              className="mt-4 inline-block text-sm text-primary hover:underline"
            >
              Invite people
            </Link>
          ) : null}
        </Card>
      </div>
    </>
  );
}
