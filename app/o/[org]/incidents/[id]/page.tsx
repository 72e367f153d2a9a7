import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { PageHeader } from "@/components/ui/page-header";
import { getIncident, listAssumptionOptions } from "@/db/queries/incidents";
import { listPilotOptions } from "@/db/queries/pilots";
import { requireMember } from "@/lib/auth/session";
import {
  CATEGORY_LABELS,
  DETECTION_LABELS,
  type DurationMetricKey,
  incidentMinutes,
  METRIC_DEFINITIONS,
  OUTCOME_LABELS,
  SEVERITY_LABELS,
} from "@/lib/domain/incidents";
import { can } from "@/lib/domain/permissions";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatDateTime, formatMinutes, formatMoney } from "@/lib/format";
import { found } from "@/lib/pages";
import { ACTION_LABELS, formValuesOf, INCIDENT_FORM_OPTIONS } from "../_components/form-options";
import { IncidentForm } from "../_components/incident-form";
import { ReopenButton, ResolveForm } from "../_components/resolve-form";
import { reopenIncidentAction, resolveIncidentAction, updateIncidentAction } from "../actions";

export const metadata: Metadata = { title: "Incident · Preflight" };

/** The incident's durations, as the metrics across incidents name them. */
const DURATIONS: [DurationMetricKey, string][] = [
  ["timeToDetect", "Time to detect"],
  ["timeToAcknowledge", "Time to acknowledge"],
  ["timeToMitigate", "Time to mitigate"],
  ["timeToResolve", "Time to resolve"],
];

export default async function IncidentPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const incident = await found(getIncident(member, id));
  const canWrite = can(member, "incident:write");
  const [pilots, assumptions] = canWrite
    ? await Promise.all([listPilotOptions(member), listAssumptionOptions(member)])
    : [[], []];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/o/${member.orgSlug}/incidents`}
          className="text-muted-foreground hover:underline"
        >
          ← Incidents
        </Link>
      </p>
      <PageHeader
        title={incident.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge
              tone={
                incident.severity === "sev1" || incident.severity === "sev2" ? "danger" : "neutral"
              }
            >
              {SEVERITY_LABELS[incident.severity]}
            </Badge>
            <Badge tone={incident.resolvedAt ? "success" : "warning"} data-testid="incident-status">
              {incident.resolvedAt ? "Resolved" : "Open"}
            </Badge>
            {incident.pilotId ? (
              <Link
                className="text-primary hover:underline"
                href={`/o/${member.orgSlug}/pilots/${incident.pilotId}`}
              >
                {incident.pilotName}
              </Link>
            ) : (
              <span>Organisation-wide</span>
            )}
            {incident.stage ? (
              <span>· during {STAGE_LABELS[incident.stage].toLowerCase()}</span>
            ) : null}
          </span>
        }
        action={
          !canWrite ? null : incident.resolvedAt ? (
            <ReopenButton
              action={reopenIncidentAction.bind(null, member.orgSlug, id)}
              version={incident.version}
            />
          ) : (
            <Button asChild>
              <a href="#resolve">Resolve…</a>
            </Button>
          )
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="What happened" />
          <p className="mb-4 text-sm whitespace-pre-wrap">
            {incident.description || <span className="text-muted-foreground">No description.</span>}
          </p>
          {incident.resolvedAt ? (
            <div className="mb-4 rounded-md border p-3 text-sm" data-testid="incident-resolution">
              <h3 className="mb-1 font-medium">How it was resolved</h3>
              <p className="whitespace-pre-wrap">
                {incident.resolutionNote ?? (
                  <span className="text-muted-foreground">
                    Resolved before resolution notes were kept.
                  </span>
                )}
              </p>
            </div>
          ) : null}
          <Facts
            className="gap-3 sm:grid-cols-2"
            facts={[
              { label: "Category", value: CATEGORY_LABELS[incident.category] },
              { label: "Detected by", value: DETECTION_LABELS[incident.detectionSource] },
              { label: "Outcome", value: OUTCOME_LABELS[incident.outcome] },
              {
                label: "Cost estimate",
                value:
                  incident.costEstimate === null
                    ? "Not estimated"
                    : formatMoney(incident.costEstimate, incident.currency),
                valueClassName: "tabular-nums",
              },
              { label: "Assumption it broke", value: incident.assumptionText ?? "None linked" },
              {
                label: "Actions taken",
                value: incident.actions.length
                  ? incident.actions.map((a) => ACTION_LABELS[a]).join(", ")
                  : "None recorded",
              },
            ]}
          />
        </Card>
        <Card>
          <CardHeader title="Timeline" description="Times in UTC." />
          <Facts
            inline
            testId="incident-times"
            facts={[
              ...(
                [
                  ["Started", incident.startedAt],
                  ["Detected", incident.detectedAt],
                  ["Acknowledged", incident.acknowledgedAt],
                  ["Mitigated", incident.mitigatedAt],
                  ["Resolved", incident.resolvedAt],
                ] as const
              ).map(([label, at]) => ({ label, value: at ? formatDateTime(at) : "—" })),
              incident.resolutionNote
                ? {
                    label: "Resolution note",
                    value: incident.resolutionNote,
                    valueClassName: "whitespace-pre-wrap",
                    stacked: true,
                    testId: "timeline-resolution-note",
                  }
                : null,
            ]}
          />
          <Facts
            inline
            className="mt-4 border-t pt-4"
            testId="incident-durations"
            facts={DURATIONS.map(([metric, label]) => {
              const minutes = incidentMinutes(incident, metric);
              return {
                label,
                value: minutes === null ? "—" : formatMinutes(minutes),
                valueClassName: "tabular-nums",
                title: METRIC_DEFINITIONS[metric],
              };
            })}
          />
          {canWrite && !incident.resolvedAt ? (
            <div id="resolve" className="mt-4 scroll-mt-4 border-t pt-4">
              <ResolveForm
                action={resolveIncidentAction.bind(null, member.orgSlug, id)}
                version={incident.version}
              />
            </div>
          ) : null}
        </Card>
      </div>
      {canWrite ? (
        <Card className="mt-4">
          <CardHeader
            title="Edit"
            description="Changes are checked against the version you opened: nobody's edit is silently overwritten."
          />
          <IncidentForm
            action={updateIncidentAction.bind(null, member.orgSlug, id)}
            initial={formValuesOf(incident)}
            options={INCIDENT_FORM_OPTIONS}
            pilots={pilots.map((p) => ({ id: p.id, name: p.name }))}
            assumptions={assumptions}
            pilotLocked
            currency={incident.currency}
            submitLabel="Save changes"
          />
        </Card>
      ) : null}
    </>
  );
}
