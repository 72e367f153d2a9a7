import Link from "next/link";
import { Badge } from "@/components/ui/badge";
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
  const head = ["Incident", "Severity", ...(showPilot ? ["Pilot"] : []), "Stage", "Category"];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs text-muted-foreground">
          <tr className="border-b">
            {[...head, "Outcome"].map((h) => (
              <th key={h} scope="col" className="py-2 pr-3 font-medium">
                {h}
              </th>
            ))}
            <th scope="col" className="py-2 font-medium">
              Started (UTC)
            </th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((i) => (
            <tr key={i.id} className="border-b last:border-0">
              <td className="py-2 pr-3">
                <Link
                  href={`/o/${orgSlug}/incidents/${i.id}`}
                  className="text-primary hover:underline"
                >
                  {i.title}
                </Link>
                {i.resolvedAt ? null : (
                  <Badge tone="warning" className="ml-2">
                    Open
                  </Badge>
                )}
              </td>
              <td className="py-2 pr-3 whitespace-nowrap">{SEVERITY_LABELS[i.severity]}</td>
              {showPilot ? <td className="py-2 pr-3">{i.pilotName ?? "—"}</td> : null}
              <td className="py-2 pr-3">{i.stage ? STAGE_LABELS[i.stage] : "—"}</td>
              <td className="py-2 pr-3">{CATEGORY_LABELS[i.category]}</td>
              <td className="py-2 pr-3">{OUTCOME_LABELS[i.outcome]}</td>
              <td className="py-2 whitespace-nowrap">{formatDateTime(i.startedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
