import { AppError } from "@/lib/errors";

// The timestamp part, to the microsecond: a JS Date would round it to the millisecond.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Whether "2026-11-25T10:00:00.123456Z" names a real instant (the database casts it). */
function validTimestamp(at: string): boolean {
  if (!TIMESTAMP.test(at)) return false;
  const millis = `${at.slice(0, 23)}Z`;
  const date = new Date(millis);
  return !Number.isNaN(date.getTime()) && date.toISOString() === millis;
}

/** A keyset cursor: the row's timestamp and id, opaque to clients. */
export function encodeCursor(at: string, id: string | number): string {
  return Buffer.from(`${at}|${id}`).toString("base64url");
}

/**
 * Decodes a cursor from a previous page. Anything else is a 422 naming the cursor, before it
 * reaches the query (where a bad date or id would fail the cast and answer 500).
 */
export function decodeCursor<Id>(
  cursor: string | undefined,
  parseId: (raw: string) => Id | null,
): { at: string; id: Id } | null {
  if (!cursor) return null;
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const [at = "", rawId = ""] = parts;
  const id = parts.length === 2 && validTimestamp(at) ? parseId(rawId) : null;
  if (id === null) {
    throw new AppError("invalid_input", "The cursor is not valid.", {
      cursor: ["Use the nextCursor of a previous page, unchanged."],
    });
  }
  return { at, id };
}
