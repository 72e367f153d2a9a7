import { z } from "zod";

// C0 and C1 control characters (tab, line feed and carriage return among them) and the Unicode
// line and paragraph separators. Ordinary spaces, letters and punctuation of any script pass.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

export const NO_CONTROL_CHARACTERS =
  "Use a single line: no line breaks, tabs or other control characters.";

/** Whether a value holds a control character (for a title or name, never legitimate). */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** A name from elsewhere (an identity provider's claim) with its control characters made spaces. */
export function withoutControlCharacters(value: string): string {
  return value.replace(new RegExp(CONTROL_CHARACTERS, "gu"), " ").trim();
}

/**
 * A trimmed string that refuses control characters, with a message the form shows on the field:
 * for titles and names, which end up in CSV exports, audit entries and page titles.
 */
export function singleLine(): z.ZodString {
  return z
    .string()
    .trim()
    .refine((v) => !hasControlCharacters(v), NO_CONTROL_CHARACTERS);
}
