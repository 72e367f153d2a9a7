import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { TitledCard } from "@/components/ui/card";
import { Facts } from "@/components/ui/facts";
import { TRANSITION_LABELS, type TransitionEntry } from "@/lib/domain/pilots";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { formatDate, formatDateTime } from "@/lib/format";

/** Every move of the pilot, newest first, with the start date and rollback plan below. */
export function TimelineCard({
  timeline,
  startDate,
  rollbackPlan,
}: {
  timeline: TransitionEntry[];
  startDate: string;
  rollbackPlan: string;
}) {
  return (
    <TitledCard
      headingId="timeline-heading"
      title="Timeline"
      description="Every move of this pilot: who, when and why."
    >
      <ol className="grid gap-4" data-testid="timeline">
        {[...timeline].reverse().map((t) => (
          <li key={t.id} className="border-l-2 pl-3 text-sm" data-testid="timeline-entry">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {TRANSITION_LABELS[t.kind]}
              {t.fromStage && t.fromStage !== t.toStage
                ? ` from ${STAGE_LABELS[t.fromStage].toLowerCase()}`
                : ""}
              {t.kind === "start" || t.fromStage !== t.toStage
                ? ` to ${STAGE_LABELS[t.toStage].toLowerCase()}`
                : ""}
              {t.overridden.length > 0 ? (
                <Badge tone="danger">
                  <ShieldAlert className="size-3" aria-hidden /> Gate overridden
                </Badge>
              ) : null}
            </p>
            <p className="text-xs text-muted-foreground">
              {t.approval
                ? `Asked for by ${t.approval.requestedBy}, approved by ${t.actorName ?? t.actorLabel}`
                : (t.actorName ?? t.actorLabel)}
              , {formatDateTime(t.createdAt)}
            </p>
            {t.approval?.note ? (
              <p className="text-xs text-muted-foreground">Approval note: {t.approval.note}</p>
            ) : null}
            {t.reason ? <p className="mt-1 whitespace-pre-wrap">“{t.reason}”</p> : null}
            {t.overridden.length > 0 ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-muted-foreground">
                {t.overridden.map((c) => (
                  <li key={c.kind}>
                    {c.label}: needed {c.threshold}, measured {c.measured}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      <Facts
        className="mt-4 border-t pt-4"
        facts={[
          { label: "Started", value: formatDate(startDate) },
          {
            label: "Rollback plan",
            value: rollbackPlan || <span className="text-destructive">None recorded yet.</span>,
            valueClassName: "whitespace-pre-wrap",
          },
        ]}
      />
    </TitledCard>
  );
}
