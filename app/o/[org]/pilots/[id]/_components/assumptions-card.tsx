import { Badge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import {
  ASSUMPTION_STATUS_LABELS,
  ASSUMPTION_STATUSES,
  type AssumptionStatus,
} from "@/lib/domain/pilots";
import { formatDateTime } from "@/lib/format";
import { addAssumptionAction, updateAssumptionAction } from "../actions";
import { AssumptionForm, NewAssumptionForm } from "./assumption-form";

export type AssumptionRow = {
  id: string;
  text: string;
  status: AssumptionStatus;
  evidence: string | null;
  version: number;
  updatedByName: string | null;
  updatedAt: Date;
};

const STATUS_OPTIONS = ASSUMPTION_STATUSES.map((s) => ({
  value: s,
  label: ASSUMPTION_STATUS_LABELS[s],
}));

/** The assumptions register: each belief with its status and evidence, editable in place. */
export function AssumptionsCard({
  orgSlug,
  pilotId,
  assumptions,
  canEdit,
  retired,
}: {
  orgSlug: string;
  pilotId: string;
  assumptions: AssumptionRow[];
  canEdit: boolean;
  retired: boolean;
}) {
  const update = updateAssumptionAction.bind(null, orgSlug, pilotId);
  return (
    <TitledCard
      headingId="assumptions-heading"
      title="Assumptions"
      description="Beliefs this workflow depends on, from its assessment. Mark each verified, accepted as a risk, or broken as the pilot shows, with the evidence."
    >
      {assumptions.length === 0 ? (
        <p className="text-sm text-muted-foreground">The assessment recorded no assumptions.</p>
      ) : (
        // Printed as a compact two-column list: a long register on fewer pages.
        <ul
          className="grid gap-4 print:block print:columns-2 print:gap-6"
          data-testid="assumptions"
        >
          {assumptions.map((a) => (
            <li
              key={a.id}
              className="grid gap-2 border-b pb-4 last:border-0 print:mb-1.5 print:gap-0.5 print:border-0 print:pb-0"
            >
              <p className="text-sm">
                <Badge
                  tone={
                    a.status === "broken" ? "danger" : a.status === "open" ? "neutral" : "success"
                  }
                  className="mr-2"
                >
                  {ASSUMPTION_STATUS_LABELS[a.status]}
                </Badge>
                {a.text}
              </p>
              {a.updatedByName ? (
                <p className="text-xs text-muted-foreground print:hidden">
                  Last changed by {a.updatedByName}, {formatDateTime(a.updatedAt)}
                </p>
              ) : null}
              {canEdit ? (
                <AssumptionForm
                  action={update}
                  assumption={a}
                  statuses={STATUS_OPTIONS}
                  disabled={retired}
                />
              ) : a.evidence ? (
                <p className="text-xs text-muted-foreground">Evidence: {a.evidence}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit && !retired ? (
        <details className="mt-4 rounded-md border" data-testid="new-assumption">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring">
            Add an assumption
          </summary>
          <div className="border-t px-3 py-4">
            <NewAssumptionForm action={addAssumptionAction.bind(null, orgSlug, pilotId)} />
          </div>
        </details>
      ) : null}
    </TitledCard>
  );
}
