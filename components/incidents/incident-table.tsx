import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { type Column, DataTable } from "@/components/ui/data-table";
import {
  CATEGORY_LABELS,
  type IncidentSummaryDto,
  OUTCOME_LABELS,
  SEVERITY_LABELS,
} from "@/lib/domain/incidents";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatDateTime } from "@/lib/format";

/** Incidents as a table: title (open ones marked), severity, pilot, stage, category, outcome. */
export function IncidentTable({
  incidents,
  orgSlug,
  caption,
  showPilot = true,
  testId,
}: {
  incidents: IncidentSummaryDto[];
  orgSlug: string;
  caption: string;
  /** Leave the pilot column out where every incident is of the same pilot. */
  showPilot?: boolean;
  testId?: string;
}) {
  const columns: Column<IncidentSummaryDto>[] = [
    {
      key: "incident",
      header: "Incident",
      cell: (i) => (
        <>
          <Link href={`/o/${orgSlug}/incidents/${i.id}`} className="text-primary hover:underline">
            {i.title}
          </Link>
          {i.resolvedAt ? null : (
            <Badge tone="warning" className="ml-2">
              Open
            </Badge>
          )}
        </>
      ),
    },
    {
      key: "severity",
      header: "Severity",
      cell: (i) => SEVERITY_LABELS[i.severity],
      className: "whitespace-nowrap",
    },
    ...(showPilot
      ? [
          {
            key: "pilot",
            header: "Pilot",
            cell: (i: IncidentSummaryDto) => i.pilotName ?? "—",
          },
        ]
      : []),
    { key: "stage", header: "Stage", cell: (i) => (i.stage ? STAGE_LABELS[i.stage] : "—") },
    { key: "category", header: "Category", cell: (i) => CATEGORY_LABELS[i.category] },
    { key: "outcome", header: "Outcome", cell: (i) => OUTCOME_LABELS[i.outcome] },
    {
      key: "started",
      header: "Started (UTC)",
      cell: (i) => formatDateTime(i.startedAt),
      className: "whitespace-nowrap",
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={incidents} testId={testId} />;
}
