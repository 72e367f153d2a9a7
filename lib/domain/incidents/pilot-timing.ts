import { formatDate, formatDateTime } from "@/lib/format";
import type { Stage } from "../stages";

/** What an incident needs to know of its pilot: when it started and the stages it went through. */
export type PilotHistory = {
  /** The start date chosen for the pilot, YYYY-MM-DD (UTC). */
  startDate: string;
  /** When the pilot was recorded in Preflight. */
  createdAt: Date;
  /** Its timeline's stage changes (start, promotions, rollbacks), oldest first. */
  stages: readonly { at: Date; stage: Stage }[];
};

/**
 * When a pilot started: the start of its start date (UTC) or the moment it was recorded,
 * whichever is earlier. A pilot recorded after it really began has an earlier start date; one
 * planned ahead has been running in Preflight since it was recorded.
 */
export function pilotStartedAt(history: PilotHistory): Date {
  const candidates = [
    new Date(`${history.startDate}T00:00:00Z`).getTime(),
    history.createdAt.getTime(),
    ...history.stages.slice(0, 1).map((s) => s.at.getTime()),
  ].filter((t) => Number.isFinite(t));
  return new Date(Math.min(...candidates));
}

/**
 * The stage the pilot was in at a moment: the last stage change at or before it, or the
 * stage it started in for a moment before its first recorded change. Null without a timeline.
 */
export function stageAt(history: PilotHistory, at: Date): Stage | null {
  let stage: Stage | null = history.stages[0]?.stage ?? null;
  for (const change of history.stages) {
    if (change.at.getTime() > at.getTime()) break;
    stage = change.stage;
  }
  return stage;
}

/** "1 Jan 2026", or with the time when the pilot started during a day. */
function startText(start: Date): string {
  return start.getTime() % 86_400_000 === 0 ? formatDate(start) : formatDateTime(start);
}

/**
 * The field error for an incident of a pilot that would start before the pilot did (such an
 * incident would be filed under a stage the pilot never had then), or null when it is fine.
 */
export function incidentStartError(history: PilotHistory, startedAt: Date): string | null {
  const start = pilotStartedAt(history);
  if (startedAt.getTime() >= start.getTime()) return null;
  return `The pilot started on ${startText(start)}: an incident of this pilot cannot start before then.`;
}
