import Link from "next/link";
import { TitledCard } from "@/components/ui/card";
import { ASSUMPTION_STATUS_LABELS, type AssumptionStatus } from "@/lib/domain/pilots";
import { formatDateTime } from "@/lib/format";
import { addAssumptionAction, updateAssumptionAction } from "../actions";
import { AssumptionEditor, NewAssumptionForm } from "./assumption-form";
import { AssumptionListItems } from "./assumption-list";

export type AssumptionRow = {
  id: string;
  text: string;
  status: AssumptionStatus;
  evidence: string | null;
  version: number;
  updatedByName: string | null;
  updatedAt: Date;
};

/** Broken and open assumptions first: what needs looking at. */
const STATUS_ORDER: Record<AssumptionStatus, number> = {
  broken: 0,
  open: 1,
  accepted_risk: 2,
  verified: 3,
};

/** A status's badge tone (classes of `assumption-list` in globals.css). */
const ASSUMPTION_TONE: Record<AssumptionStatus, "danger" | "neutral" | "success"> = {
  broken: "danger",
  open: "neutral",
  accepted_risk: "success",
  verified: "success",
};

const changedLine = (a: AssumptionRow) =>
  `Last changed by ${a.updatedByName}, ${formatDateTime(a.updatedAt)}`;

/**
 * The assumptions register: each belief with its status and evidence, editable in place. With
 * `shown`, only that many are listed (broken and open ones first) and a link leads to them all.
 */
export function AssumptionsCard({
  orgSlug,
  pilotId,
  assumptions,
  canEdit,
  retired,
  shown,
}: {
  orgSlug: string;
  pilotId: string;
  assumptions: AssumptionRow[];
  canEdit: boolean;
  retired: boolean;
  shown?: number;
}) {
  const update = updateAssumptionAction.bind(null, orgSlug, pilotId);
  const listed =
    shown !== undefined && assumptions.length > shown
      ? [...assumptions]
          .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
          .slice(0, shown)
      : assumptions;
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
        // Printed as a compact two-column list: a long register on fewer pages. Its items are
        // styled from the list's class (globals.css): a register of many items sends no class
        // list per item.
        <ul
          className="assumption-list grid gap-4 print:block print:columns-2 print:gap-6"
          data-testid="assumptions"
        >
          {canEdit ? (
            listed.map((a) => (
              <li key={a.id}>
                <p className="text-sm">
                  <span className={`status ${ASSUMPTION_TONE[a.status]}`}>
                    {ASSUMPTION_STATUS_LABELS[a.status]}
                  </span>
                  {a.text}
                </p>
                {a.updatedByName ? <p className="small changed">{changedLine(a)}</p> : null}
                {a.evidence ? <p className="small">Evidence: {a.evidence}</p> : null}
                <AssumptionEditor
                  action={update}
                  assumption={{
                    id: a.id,
                    status: a.status,
                    evidence: a.evidence,
                    version: a.version,
                    text: a.text,
                  }}
                  disabled={retired}
                />
              </li>
            ))
          ) : (
            <AssumptionListItems
              items={listed.map((a) => ({
                id: a.id,
                tone: ASSUMPTION_TONE[a.status],
                statusLabel: ASSUMPTION_STATUS_LABELS[a.status],
                text: a.text,
                changed: a.updatedByName ? changedLine(a) : null,
                evidence: a.evidence,
              }))}
            />
          )}
        </ul>
      )}
      {listed.length < assumptions.length ? (
        <p className="mt-3 text-sm">
          <Link
            href={`/o/${orgSlug}/pilots/${pilotId}?assumptions=all#assumptions-heading`}
            className="font-medium text-primary underline underline-offset-4"
            scroll={false}
          >
            All {assumptions.length} assumptions
          </Link>{" "}
          <span className="text-muted-foreground">
            ({listed.length} shown: broken and open ones first)
          </span>
        </p>
      ) : null}
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
