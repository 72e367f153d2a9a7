import { Badge } from "@/components/ui/badge";
import { WORKSHOP_STATE_LABELS, type WorkshopState } from "@/lib/domain/workshops";

const TONES = { draft: "neutral", open: "success", paused: "warning", closed: "neutral" } as const;

/** A workshop's state as a badge: open in green, paused in amber. */
export function WorkshopStateBadge({ state }: { state: WorkshopState }) {
  return <Badge tone={TONES[state]}>{WORKSHOP_STATE_LABELS[state]}</Badge>;
}
