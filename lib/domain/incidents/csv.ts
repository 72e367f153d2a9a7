import { formatIsoDateTime } from "@/lib/format";
import { toCsv } from "../csv";
import type { IncidentAction } from "./index";
import type { IncidentSummaryDto } from "./types";

/** The columns of the incidents export, in order. */
export const INCIDENT_CSV_COLUMNS = [
  "id",
  "title",
  "severity",
  "category",
  "detection_source",
  "outcome",
  "pilot",
  "stage",
  "started_at",
  "detected_at",
  "acknowledged_at",
  "mitigated_at",
  "resolved_at",
  "cost_estimate",
  "actions",
] as const;

export type IncidentCsvRow = Omit<IncidentSummaryDto, "pilotId" | "actions"> & {
  actions: readonly IncidentAction[];
};

/** The header line of the incidents export. */
export function incidentCsvHeader(): string {
  return toCsv([], INCIDENT_CSV_COLUMNS);
}

/** Incidents as CSV rows (no header: the export streams the header once, then page by page). */
export function incidentsToCsv(items: readonly IncidentCsvRow[]): string {
  return toCsv(
    items.map((incident) => [
      incident.id,
      incident.title,
      incident.severity,
      incident.category,
      incident.detectionSource,
      incident.outcome,
      incident.pilotName,
      incident.stage,
      formatIsoDateTime(incident.startedAt),
      formatIsoDateTime(incident.detectedAt),
      formatIsoDateTime(incident.acknowledgedAt),
      formatIsoDateTime(incident.mitigatedAt),
      formatIsoDateTime(incident.resolvedAt),
      incident.costEstimate,
      incident.actions.join(" "),
    ]),
  );
}
