import type { z } from "zod";
import type { IncidentFilters } from "@/db/queries/incidents";
import type { IncidentInput } from "@/lib/domain/incidents";
import type { incidentInputSchema, incidentQuerySchema } from "./incident-schemas";

/** An API body, with its optional parts filled in, as the query layer takes it. */
export function toIncidentInput(body: z.infer<typeof incidentInputSchema>): IncidentInput {
  return {
    ...body,
    detectedAt: body.detectedAt ?? null,
    acknowledgedAt: body.acknowledgedAt ?? null,
    mitigatedAt: body.mitigatedAt ?? null,
    resolvedAt: body.resolvedAt ?? null,
    resolutionNote: body.resolutionNote ?? null,
    costEstimate: body.costEstimate ?? null,
    assumptionId: body.assumptionId ?? null,
    actions: body.actions ?? [],
  };
}

/** Query-string filters as the query layer takes them (days are UTC). */
export function toIncidentFilters(q: z.infer<typeof incidentQuerySchema>): IncidentFilters {
  return {
    pilotId: q.pilotId,
    severity: q.severity,
    category: q.category,
    outcome: q.outcome,
    status: q.status,
    q: q.q,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? new Date(`${q.to}T00:00:00Z`) : undefined,
  };
}
