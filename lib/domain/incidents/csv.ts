import { formatIsoDateTime } from "@/lib/format";
import { type CsvColumn, csvHeader, csvRows } from "../csv";
import type { IncidentAction } from "./index";
import type { IncidentSummaryDto } from "./types";

export type IncidentCsvRow = Omit<IncidentSummaryDto, "pilotId" | "actions"> & {
  actions: readonly IncidentAction[];
};

/** The columns of the incidents export, in order; the cost is in the organisation's `currency`. */
export function incidentCsvColumns(currency: string): CsvColumn<IncidentCsvRow>[] {
  return [
    { header: "id", value: (i) => i.id },
    { header: "title", value: (i) => i.title },
    { header: "severity", value: (i) => i.severity },
    { header: "category", value: (i) => i.category },
    { header: "detection_source", value: (i) => i.detectionSource },
    { header: "outcome", value: (i) => i.outcome },
    { header: "pilot", value: (i) => i.pilotName },
    { header: "stage", value: (i) => i.stage },
    { header: "started_at", value: (i) => formatIsoDateTime(i.startedAt) },
    { header: "detected_at", value: (i) => formatIsoDateTime(i.detectedAt) },
    { header: "acknowledged_at", value: (i) => formatIsoDateTime(i.acknowledgedAt) },
    { header: "mitigated_at", value: (i) => formatIsoDateTime(i.mitigatedAt) },
    { header: "resolved_at", value: (i) => formatIsoDateTime(i.resolvedAt) },
    { header: "cost_estimate", value: (i) => i.costEstimate },
    { header: "currency", value: () => currency },
    { header: "actions", value: (i) => i.actions.join(" ") },
  ];
}

/** The header line of the incidents export. */
export function incidentCsvHeader(currency: string): string {
  return csvHeader(incidentCsvColumns(currency));
}

/** Incidents as CSV rows (no header: the export streams the header once, then page by page). */
export function incidentsToCsv(items: readonly IncidentCsvRow[], currency: string): string {
  return csvRows(incidentCsvColumns(currency), items);
}
