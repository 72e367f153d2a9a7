import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** A table whose rows belong to a pilot of an organisation. */
export type PilotRows = { orgId: PgColumn; pilotId: PgColumn };

/** Rows of these pilots of the organisation for which `more` holds. */
export function ofPilots(
  table: PilotRows,
  orgId: string,
  ids: readonly string[],
  ...more: (SQL | undefined)[]
) {
  return and(eq(table.orgId, orgId), inArray(table.pilotId, [...ids]), ...more);
}
