import { and, eq, gte, ilike, isNotNull, isNull, lt, or, type SQL } from "drizzle-orm";
import { incidents } from "@/db/schema";
import type { IncidentCategory, Outcome, Severity } from "@/lib/domain/incidents";

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
};

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
    pattern
      ? or(ilike(incidents.title, pattern), ilike(incidents.description, pattern))
      : undefined,
  );
}
