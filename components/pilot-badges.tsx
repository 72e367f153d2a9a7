import { Badge } from "@/components/ui/badge";
import { PILOT_STATUS_LABELS, type PilotStatus } from "@/lib/domain/pilots";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";

export function StageBadge({ stage }: { stage: Stage }) {
  return <Badge tone={stage === "production" ? "success" : "info"}>{STAGE_LABELS[stage]}</Badge>;
}

export function PilotStatusBadge({ status }: { status: PilotStatus }) {
  if (status === "active") return null;
  return (
    <Badge tone={status === "paused" ? "warning" : "neutral"}>{PILOT_STATUS_LABELS[status]}</Badge>
  );
}

/** Whether the gate out of the current stage is met now. */
export function GateBadge({ pass, failing }: { pass: boolean | null; failing: number }) {
  if (pass === null) return <Badge tone="success">Final stage</Badge>;
  return pass ? (
    <Badge tone="success">Gate met</Badge>
  ) : (
    <Badge tone="warning" title={`${failing} gate criteri${failing === 1 ? "on" : "a"} failing`}>
      Gate: {failing}
      <span className="sr-only"> criteri{failing === 1 ? "on" : "a"}</span> failing
    </Badge>
  );
}
