import { CheckCircle2, Circle } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getGettingStarted } from "@/db/queries/dashboard";
import { countMembersByRole } from "@/db/queries/members";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";
import { formatMoney, formatNumber } from "@/lib/format";

export const metadata: Metadata = { title: "Dashboard · Preflight" };

export default async function DashboardPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const [counts, progress] = await Promise.all([
    countMembersByRole(member),
    getGettingStarted(member),
  ]);
  const total = ROLES.reduce((sum, role) => sum + counts[role], 0);
  const base = `/o/${member.orgSlug}`;
  const steps = [
    {
      done: progress.teammateInvited,
      label: "Invite the people who run and own the workflow",
      href: `${base}/settings/members`,
    },
    {
      done: progress.useCaseCreated,
      label: "Describe a candidate use case",
      href: `${base}/use-cases`,
    },
    {
      done: progress.assessmentSubmitted,
      label: "List the actions the AI would take and assess its readiness",
      href: `${base}/assessments`,
    },
    {
      done: progress.pilotStarted,
      label: "Start a pilot at the stage the assessment recommends",
      href: `${base}/pilots`,
    },
    {
      done: progress.runMetricsRecorded,
      label: "Record the pilot's run metrics: actions attempted, correct and overridden",
      href: `${base}/pilots`,
    },
    {
      done: progress.incidentLogged,
      label: "Log incidents as they happen",
      href: `${base}/incidents`,
    },
  ];
  const done = steps.filter((s) => s.done).length;
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
            description={`From a first use case to a pilot you can trust: ${done} of ${steps.length} steps done.`}
          />
          <ol className="grid gap-2">
            {steps.map((step) => (
              <li
                key={step.label}
                className="flex items-center gap-2 text-sm"
                data-testid="getting-started-step"
                data-done={step.done ? "true" : "false"}
              >
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
            title="Use cases"
            description={`${formatNumber(progress.activeUseCases, 0)} not archived`}
          />
          <dl className="grid gap-1 text-sm">
            <dt className="text-muted-foreground">Estimated annual value ({member.currency})</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="annual-value-total">
              {progress.annualValue === null
                ? "Not estimated yet"
                : formatMoney(progress.annualValue, member.currency)}
            </dd>
          </dl>
          <Link
            href={`${base}/use-cases`}
            className="mt-4 inline-block text-sm text-primary hover:underline"
          >
            See the use cases
          </Link>
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
