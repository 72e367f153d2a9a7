import {
  CATEGORY_LABELS,
  DETECTION_LABELS,
  DETECTION_SOURCES,
  INCIDENT_ACTIONS,
  INCIDENT_CATEGORIES,
  type IncidentDto,
  OUTCOME_LABELS,
  OUTCOMES,
  SEVERITIES,
  SEVERITY_LABELS,
} from "@/lib/domain/incidents";
import type { IncidentFormValues } from "./incident-form";

const list = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

export const ACTION_LABELS: Record<(typeof INCIDENT_ACTIONS)[number], string> = {
  rollback: "Rolled back",
  fix: "Fixed",
  new_guardrail: "Added a guardrail",
  none: "Nothing yet",
};

export const INCIDENT_FORM_OPTIONS = {
  severity: list(SEVERITIES, SEVERITY_LABELS),
  category: list(INCIDENT_CATEGORIES, CATEGORY_LABELS),
  detectionSource: list(DETECTION_SOURCES, DETECTION_LABELS),
  outcome: list(OUTCOMES, OUTCOME_LABELS),
  actions: list(INCIDENT_ACTIONS, ACTION_LABELS),
};

/** A date as a `datetime-local` value in UTC. */
export const toLocalInput = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");

export function formValuesOf(i: IncidentDto): IncidentFormValues {
  return {
    pilotId: i.pilotId,
    title: i.title,
    description: i.description,
    severity: i.severity,
    category: i.category,
    detectionSource: i.detectionSource,
    outcome: i.outcome,
    startedAt: toLocalInput(i.startedAt),
    detectedAt: toLocalInput(i.detectedAt),
    acknowledgedAt: toLocalInput(i.acknowledgedAt),
    mitigatedAt: toLocalInput(i.mitigatedAt),
    resolvedAt: toLocalInput(i.resolvedAt),
    resolutionNote: i.resolutionNote ?? "",
    costEstimate: i.costEstimate === null ? "" : String(i.costEstimate),
    assumptionId: i.assumptionId,
    actions: i.actions,
    version: i.version,
  };
}
