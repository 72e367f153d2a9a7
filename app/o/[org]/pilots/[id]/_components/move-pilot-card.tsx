import { Card } from "@/components/ui/card";
import { type PilotStatus, rollbackTargets } from "@/lib/domain/pilots";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { transitionPilotAction } from "../actions";
import { TransitionForm } from "./transition-form";

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
  const moves = [
    ...(targets.length > 0 ? ["roll back"] : []),
    ...(pilot.status === "active" ? ["pause"] : []),
    "retire",
  ];
  const listed =
    moves.length > 1 ? `${moves.slice(0, -1).join(", ")} or ${moves.at(-1)}` : moves[0];
  const otherMoves = `${listed?.charAt(0).toUpperCase()}${listed?.slice(1)}`;
  return (
    <Card aria-labelledby="move-heading">
      <h2 id="move-heading" className="mb-4 text-base font-semibold">
        Move this pilot
      </h2>
      {!canWrite ? (
        <p className="text-sm text-muted-foreground">
          {pilot.status === "retired"
            ? "This pilot is retired."
            : "Leads, admins and owners move pilots between stages."}
        </p>
      ) : (
        <div className="grid gap-6">
          {pilot.status === "paused" ? (
            <TransitionForm
              id="resume"
              action={action}
              version={pilot.version}
              title="Resume"
              submitLabel="Resume pilot"
              to="active"
              reasonLabel="Why it can resume"
              reasonRequired
            />
          ) : next ? (
            <TransitionForm
              id="promote"
              action={action}
              version={pilot.version}
              title={`Promote to ${STAGE_LABELS[next].toLowerCase()}`}
              submitLabel={`Promote to ${STAGE_LABELS[next].toLowerCase()}`}
              to={next}
              reasonLabel="Justification"
              reasonRequired={false}
              allowOverride={canOverride && gatePass === false && !overrideWaiting}
              overrideNeedsApproval={overridesNeedSecondApprover}
            />
          ) : null}
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
            <div className="grid gap-6 border-t px-3 py-4">
              {targets.length > 0 ? (
                <TransitionForm
                  id="rollback"
                  action={action}
                  version={pilot.version}
                  title="Roll back"
                  submitLabel="Roll back"
                  targets={targets.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
                  reasonLabel="Why roll back"
                  reasonRequired
                  tone="outline"
                />
              ) : null}
              {pilot.status === "active" ? (
                <TransitionForm
                  id="pause"
                  action={action}
                  version={pilot.version}
                  title="Pause"
                  submitLabel="Pause pilot"
                  to="paused"
                  reasonLabel="Why pause"
                  reasonRequired
                  tone="outline"
                />
              ) : null}
              <TransitionForm
                id="retire"
                action={action}
                version={pilot.version}
                title="Retire"
                submitLabel="Retire pilot"
                to="retired"
                reasonLabel="Why retire it"
                reasonRequired
                tone="destructive"
              />
            </div>
          </details>
        </div>
      )}
    </Card>
  );
}
