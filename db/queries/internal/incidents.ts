import { and, eq, gte, ilike, inArray, isNotNull, isNull, lt, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { incidents, pilots } from "@/db/schema";
import type { IncidentCategory, Outcome, Severity } from "@/lib/domain/incidents";
import type { Stage } from "@/lib/domain/stages";

export type IncidentFilters = {
  pilotId?: string;
  severity?: Severity;
  category?: IncidentCategory;
  outcome?: Outcome;
  status?: "open" | "resolved";
  /** Started on or after. */
  from?: Date;
  /** Started before. */
  to?: Date;
  q?: string;
  /** Only incidents of pilots this member owns. */
  ownerId?: string;
  /** Only incidents of pilots now in this stage. */
  pilotStage?: Stage;
};

/**
 * Rows of pilots with the given owner and current stage (a subquery on the pilots table), or
 * nothing when neither is asked for: incidents and run metrics filter by their pilot this way.
 */
export function pilotScope(
  orgId: string,
  column: PgColumn,
  scope: { ownerId?: string; pilotStage?: Stage },
): SQL | undefined {
  if (!scope.ownerId && !scope.pilotStage) return undefined;
  return inArray(
    column,
    db
      .select({ id: pilots.id })
      .from(pilots)
      .where(
        and(
          eq(pilots.orgId, orgId),
          scope.ownerId ? eq(pilots.ownerId, scope.ownerId) : undefined,
          scope.pilotStage ? eq(pilots.stage, scope.pilotStage) : undefined,
        ),
      ),
  );
}

/** The WHERE clause of every incident list, count, export and metric (organisation first). */
export function incidentWhere(orgId: string, filters: IncidentFilters): SQL | undefined {
  const q = filters.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    eq(incidents.orgId, orgId),
    filters.pilotId ? eq(incidents.pilotId, filters.pilotId) : undefined,
    filters.severity ? eq(incidents.severity, filters.severity) : undefined,
    filters.category ? eq(incidents.category, filters.category) : undefined,
    filters.outcome ? eq(incidents.outcome, filters.outcome) : undefined,
    filters.status === "open" ? isNull(incidents.resolvedAt) : undefined,
    filters.status === "resolved" ? isNotNull(incidents.resolvedAt) : undefined,
    filters.from ? gte(incidents.startedAt, filters.from) : undefined,
    filters.to ? lt(incidents.startedAt, filters.to) : undefined,
    pilotScope(orgId, incidents.pilotId, filters),
    pattern
      ? or(ilike(incidents.title, pattern), ilike(incidents.description, pattern))
      : undefined,
  );
}
