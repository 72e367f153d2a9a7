import { z } from "zod";
import { INCIDENT_ACTIONS } from "./index";

/** Why "Nothing yet" stands alone. */
export const NOTHING_YET_ALONE =
  "“Nothing yet” cannot be ticked with another action: untick it, or untick the others.";

/** The actions taken on an incident: each at most once, and "Nothing yet" only on its own. */
export const incidentActionsSchema = z
  .array(z.enum(INCIDENT_ACTIONS, "Choose actions from the list."))
  .max(INCIDENT_ACTIONS.length)
  .refine((actions) => new Set(actions).size === actions.length, "Tick each action once.")
  .refine((actions) => !actions.includes("none") || actions.length === 1, NOTHING_YET_ALONE);

/** Longest resolution note kept. */
export const RESOLUTION_NOTE_MAX = 2000;

const RESOLUTION_NOTE_REQUIRED = "Say how it was resolved: what fixed it, and anything left to do.";

/** The note a person writes when resolving an incident (required). */
export const resolutionNoteSchema = z
  .string(RESOLUTION_NOTE_REQUIRED)
  .trim()
  .min(3, RESOLUTION_NOTE_REQUIRED)
  .max(
    RESOLUTION_NOTE_MAX,
    `Use at most ${RESOLUTION_NOTE_MAX.toLocaleString("en-GB")} characters.`,
  );

/** The same where it is optional (an edit that may or may not resolve): blank is none. */
export const optionalResolutionNoteSchema = z
  .string()
  .trim()
  .max(
    RESOLUTION_NOTE_MAX,
    `Use at most ${RESOLUTION_NOTE_MAX.toLocaleString("en-GB")} characters.`,
  )
  .transform((v) => v || null);

/**
 * The error for a resolution without a note, or null. Resolving (or logging an incident
 * already resolved) needs one, and a resolved incident's note cannot be removed; incidents
 * resolved before notes existed stay editable without one.
 */
export function resolutionNoteError(change: {
  wasResolved: boolean;
  hadNote: boolean;
  resolvedAt: Date | null;
  note: string | null | undefined;
}): string | null {
  if (!change.resolvedAt || change.note?.trim()) return null;
  if (change.wasResolved && !change.hadNote) return null;
  return RESOLUTION_NOTE_REQUIRED;
}

/** The most incidents one batch may log at once. */
export const INCIDENT_BATCH_MAX = 500;
