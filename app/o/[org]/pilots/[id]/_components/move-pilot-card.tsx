import type { ComponentProps } from "react";
import { TitledCard } from "@/components/ui/card";
import { type PilotStatus, rollbackTargets } from "@/lib/domain/pilots";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { transitionPilotAction } from "../actions";
import { TransitionForm } from "./transition-form";

/** One move the card offers: a transition form but for the action and version. */
type Move = Omit<ComponentProps<typeof TransitionForm>, "action" | "version">;

/**
 * Promote (or resume) in view; rolling back, pausing and retiring behind a disclosure, as
 * they are rarer and need a reason.
 */
export function MovePilotCard({
  orgSlug,
  pilot,
  next,
  canWrite,
  canOverride,
  overridesNeedSecondApprover,
  overrideWaiting,
  gatePass,
}: {
  orgSlug: string;
  pilot: { id: string; stage: Stage; status: PilotStatus; version: number };
  next: Stage | null;
  canWrite: boolean;
  canOverride: boolean;
  /** An override then only asks: another owner or admin approves it on the gate. */
  overridesNeedSecondApprover: boolean;
  /** An override request for this very promotion already waits on the gate. */
  overrideWaiting: boolean;
  /** Whether the gate out of the current stage is met now (null without a gate). */
  gatePass: boolean | null;
}) {
  const action = transitionPilotAction.bind(null, orgSlug, pilot.id);
  const targets = rollbackTargets(pilot.stage);
  const promote = next ? `Promote to ${STAGE_LABELS[next].toLowerCase()}` : "";
  // Resume or promote in view; the rarer moves, which need a reason, behind the disclosure.
  const main: Move | null =
    pilot.status === "paused"
      ? {
          id: "resume",
          title: "Resume",
          submitLabel: "Resume pilot",
          to: "active",
          reasonLabel: "Why it can resume",
          reasonRequired: true,
        }
      : next
        ? {
            id: "promote",
            title: promote,
            submitLabel: promote,
            to: next,
            reasonLabel: "Justification",
            reasonRequired: false,
            allowOverride: canOverride && gatePass === false && !overrideWaiting,
            overrideNeedsApproval: overridesNeedSecondApprover,
          }
        : null;
  const others: Move[] = [
    ...(targets.length > 0
      ? [
          {
            id: "rollback",
            title: "Roll back",
            submitLabel: "Roll back",
            targets: targets.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
            reasonLabel: "Why roll back",
            reasonRequired: true,
            tone: "outline" as const,
          },
        ]
      : []),
    ...(pilot.status === "active"
      ? [
          {
            id: "pause",
            title: "Pause",
            submitLabel: "Pause pilot",
            to: "paused",
            reasonLabel: "Why pause",
            reasonRequired: true,
            tone: "outline" as const,
          },
        ]
      : []),
    {
      id: "retire",
      title: "Retire",
      submitLabel: "Retire pilot",
      to: "retired",
      reasonLabel: "Why retire it",
      reasonRequired: true,
      tone: "destructive",
    },
  ];
  const verbs = others.map((m) => m.title.toLowerCase());
  const listed =
    verbs.length > 1 ? `${verbs.slice(0, -1).join(", ")} or ${verbs.at(-1)}` : verbs[0];
  const otherMoves = `${listed?.charAt(0).toUpperCase()}${listed?.slice(1)}`;
  const form = (move: Move) => (
    <TransitionForm key={move.id} action={action} version={pilot.version} {...move} />
  );
  return (
    <TitledCard headingId="move-heading" title="Move this pilot">
      {!canWrite ? (
        <p className="text-sm text-muted-foreground">
          {pilot.status === "retired"
            ? "This pilot is retired."
            : "Leads, admins and owners move pilots between stages."}
        </p>
      ) : (
        <div className="grid gap-6">
          {main ? form(main) : null}
          {overrideWaiting && pilot.status === "active" && next ? (
            <p className="text-sm text-muted-foreground">
              An override of this gate is waiting for approval: see the override requests on the
              gate above.
            </p>
          ) : null}
          <details className="group rounded-md border" data-testid="other-moves">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-ring">
              {otherMoves}
            </summary>
            <div className="grid gap-6 border-t px-3 py-4">{others.map(form)}</div>
          </details>
        </div>
      )}
    </TitledCard>
  );
}
