import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { incidentCurrency, listAssumptionOptions } from "@/db/queries/incidents";
import { listPilotOptions } from "@/db/queries/pilots";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { INCIDENT_FORM_OPTIONS, toLocalInput } from "../_components/form-options";
import { IncidentForm } from "../_components/incident-form";
import { createIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Log an incident · Preflight" };

export default async function NewIncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ pilot?: string }>;
}) {
  const member = await requireMember((await params).org);
  if (!can(member, "incident:write")) {
    return <NoAccess what="the incident form" roles="contributors, leads, admins and owners" />;
  }
  const [pilots, assumptions] = await Promise.all([
    listPilotOptions(member),
    listAssumptionOptions(member),
  ]);
  const live = pilots.filter((p) => p.status !== "retired");
  const { pilot } = await searchParams;
  const chosen = live.find((p) => p.id === pilot)?.id ?? null;
  const back = chosen ? `/o/${member.orgSlug}/pilots/${chosen}` : `/o/${member.orgSlug}/incidents`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={back} className="text-muted-foreground hover:underline">
          ← {chosen ? "Pilot" : "Incidents"}
        </Link>
      </p>
      <PageHeader
        title="Log an incident"
        description="What went wrong, how it was caught, and what it cost. Times are in UTC."
      />
      <Card className="max-w-5xl">
        <IncidentForm
          action={createIncidentAction.bind(null, member.orgSlug)}
          initial={{
            pilotId: chosen,
            title: "",
            description: "",
            severity: "",
            category: "",
            detectionSource: "",
            outcome: "",
            startedAt: toLocalInput(new Date()),
            detectedAt: "",
            acknowledgedAt: "",
            mitigatedAt: "",
            resolvedAt: "",
            resolutionNote: "",
            costEstimate: "",
            assumptionId: null,
            actions: [],
          }}
          options={INCIDENT_FORM_OPTIONS}
          pilots={live.map((p) => ({ id: p.id, name: p.name }))}
          assumptions={assumptions}
          pilotLocked={false}
          currency={incidentCurrency(member)}
          submitLabel="Log incident"
        />
      </Card>
    </>
  );
}
