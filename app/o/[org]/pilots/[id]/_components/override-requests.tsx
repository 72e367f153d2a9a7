import { ShieldAlert } from "lucide-react";
import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import {
  MIN_REJECTION_NOTE,
  OVERRIDE_REQUEST_STATUS_LABELS,
  type OverrideRequestDto,
} from "@/lib/domain/gates/overrides";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatDateTime } from "@/lib/format";
import { decideOverrideRequestAction } from "../actions";
import { OverrideDecisionForm } from "./override-decision-form";

/** What the gate card shows of a request. */
export type OverrideRequestView = Omit<OverrideRequestDto, "pilotId" | "pilotVersion">;

const STATUS_TONE = {
  pending: "warning",
  approved: "success",
  rejected: "danger",
  withdrawn: "neutral",
} as const;

/**
 * Override requests on the gate: each pending one with what it overrides and the decisions
 * the viewer may take (another owner or admin approves or rejects; the requester withdraws),
 * and the decided ones below.
 */
export function OverrideRequests({
  orgSlug,
  pilotId,
  requests,
  userId,
  canDecide,
}: {
  orgSlug: string;
  pilotId: string;
  requests: OverrideRequestView[];
  userId: string | null;
  /** Owners and admins decide on requests (never their own). */
  canDecide: boolean;
}) {
  if (requests.length === 0) return null;
  const action = decideOverrideRequestAction.bind(null, orgSlug, pilotId);
  const pending = requests.filter((r) => r.status === "pending");
  const decided = requests.filter((r) => r.status !== "pending");
  return (
    <section className="mt-4 border-t pt-4" aria-labelledby="override-requests-heading">
      <h3 id="override-requests-heading" className="text-sm font-semibold">
        Override requests
      </h3>
      {pending.length === 0 ? (
        <p className="mt-1 text-sm text-muted-foreground">None waiting for approval.</p>
      ) : (
        <ul className="mt-2 grid gap-3">
          {pending.map((r) => {
            const mine = r.requestedBy !== null && r.requestedBy === userId;
            return (
              <li
                key={r.id}
                className="grid gap-2 rounded-md border border-warning/60 p-3 text-sm"
                data-testid="override-request"
              >
                <RequestSummary request={r} />
                {r.staleReason ? (
                  <p className="text-destructive" data-testid="override-request-stale">
                    {r.staleReason}
                  </p>
                ) : null}
                <div className="grid gap-4 sm:grid-cols-2">
                  {decisionsFor(r, mine, canDecide).map((d) => (
                    <OverrideDecisionForm
                      key={d.decision}
                      action={action}
                      requestId={r.id}
                      version={r.version}
                      {...d}
                    />
                  ))}
                </div>
                {mine ? (
                  <p className="text-xs text-muted-foreground">
                    You asked for this override: another owner or admin approves or rejects it.
                  </p>
                ) : !canDecide ? (
                  <p className="text-xs text-muted-foreground">
                    Waiting for an owner or admin other than the requester to approve or reject it.
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {decided.length > 0 ? (
        <details className="mt-3" data-testid="override-requests-decided">
          <summary className="cursor-pointer text-sm text-primary">
            Earlier override requests ({decided.length})
          </summary>
          <ul className="mt-2 grid gap-2">
            {decided.map((r) => (
              <li key={r.id} className="grid gap-1 rounded-md border p-3 text-sm">
                <RequestSummary request={r} />
                <p className="text-xs text-muted-foreground">
                  {OVERRIDE_REQUEST_STATUS_LABELS[r.status]} by{" "}
                  {r.decidedByName ?? r.decidedByLabel ?? "someone"}, {formatDateTime(r.decidedAt)}
                </p>
                {r.decisionNote ? <p className="whitespace-pre-wrap">“{r.decisionNote}”</p> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

type Decision = Omit<
  ComponentProps<typeof OverrideDecisionForm>,
  "action" | "requestId" | "version"
>;

/**
 * The decisions the viewer may take on a pending request: another owner or admin approves
 * (unless it went stale) or rejects it; the requester withdraws it.
 */
function decisionsFor(r: OverrideRequestView, mine: boolean, canDecide: boolean): Decision[] {
  const decides = canDecide && !mine;
  return [
    ...(decides && !r.staleReason
      ? [
          {
            decision: "approve" as const,
            title: "Approve the override",
            submitLabel: `Approve and promote to ${STAGE_LABELS[r.toStage].toLowerCase()}`,
            noteLabel: "Note (optional)",
          },
        ]
      : []),
    ...(decides
      ? [
          {
            decision: "reject" as const,
            title: "Reject the override",
            submitLabel: "Reject",
            noteLabel: "Why reject it",
            noteHint: `At least ${MIN_REJECTION_NOTE} characters; the requester sees it.`,
            tone: "outline" as const,
          },
        ]
      : []),
    ...(mine
      ? [
          {
            decision: "withdraw" as const,
            title: "Withdraw the override request",
            submitLabel: "Withdraw request",
            tone: "outline" as const,
          },
        ]
      : []),
  ];
}

function RequestSummary({ request: r }: { request: OverrideRequestView }) {
  return (
    <>
      <p className="flex flex-wrap items-center gap-2 font-medium">
        <ShieldAlert className="size-4 text-warning" aria-hidden />
        Override to promote from {STAGE_LABELS[r.fromStage].toLowerCase()} to{" "}
        {STAGE_LABELS[r.toStage].toLowerCase()}
        <Badge tone={STATUS_TONE[r.status]}>{OVERRIDE_REQUEST_STATUS_LABELS[r.status]}</Badge>
      </p>
      <p className="text-xs text-muted-foreground">
        Asked by {r.requestedByName ?? r.requestedByLabel},{" "}
        <time dateTime={r.requestedAt.toISOString()}>{formatDateTime(r.requestedAt)}</time>
      </p>
      <p className="whitespace-pre-wrap">“{r.justification}”</p>
      <div>
        <p className="text-xs font-medium">Failing when asked:</p>
        <ul className="list-disc pl-5 text-xs text-muted-foreground">
          {r.failing.map((c) => (
            <li key={c.kind}>
              {c.label}: needs {c.threshold}, measured {c.measured}
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
