import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { incidents } from "@/db/schema";
import { type IncidentDto, type Severity, stageAt, TIMELINE_FIELDS } from "@/lib/domain/incidents";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { addIncidentToRollups, removeIncidentFromRollups } from "./incident-rollups";
import { assertIncident, insertIncident, sameTime, snapshot } from "./incident-writes";
import { getIncident } from "./incidents";
import { writeAudit } from "./internal/audit";
import { loadPilotHistory } from "./internal/pilot-history";

export type WebhookIncident = {
  externalId: string;
  title: string;
  description?: string;
  severity: Severity;
  pilotId?: string | null;
  startedAt: Date;
  detectedAt?: Date | null;
  acknowledgedAt?: Date | null;
  mitigatedAt?: Date | null;
  resolvedAt?: Date | null;
  /** How it was resolved, when the sender says. */
  resolutionNote?: string;
};

/** The note of an incident a webhook event resolves without saying how. */
const senderNote = (ctx: MemberContext, event: WebhookIncident) =>
  `Resolved by event “${event.externalId}” from ${ctx.actor.label}.`;

/**
 * Maps a pager-style event onto an incident, deduplicated by its external id: the first event
 * creates the incident, later ones update its severity and times.
 */
export async function ingestWebhookIncident(
  ctx: MemberContext,
  event: WebhookIncident,
): Promise<{ incident: IncidentDto; created: boolean }> {
  assertCan(ctx, "incident:write");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.externalId, event.externalId)))
      .for("update");
    let id = existing?.id;
    if (!id) {
      // Two deliveries of the same new event: the second waits here, then finds the first's row.
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${`${ctx.orgId}:${event.externalId}`}))`,
      );
      const [raced] = await tx
        .select({ id: incidents.id })
        .from(incidents)
        .where(and(eq(incidents.orgId, ctx.orgId), eq(incidents.externalId, event.externalId)));
      id = raced?.id;
    }
    if (!id) {
      const incident = await insertIncident(
        tx,
        ctx,
        event.pilotId ?? null,
        {
          title: event.title,
          description: event.description ?? "",
          severity: event.severity,
          category: "other",
          detectionSource: "automated_check",
          outcome: "contained",
          startedAt: event.startedAt,
          detectedAt: event.detectedAt ?? null,
          acknowledgedAt: event.acknowledgedAt ?? null,
          mitigatedAt: event.mitigatedAt ?? null,
          resolvedAt: event.resolvedAt ?? null,
          resolutionNote: event.resolvedAt ? event.resolutionNote || senderNote(ctx, event) : null,
          costEstimate: null,
          assumptionId: null,
          actions: [],
          externalId: event.externalId,
        },
        new Date(),
      );
      return { incident, created: true };
    }
    const before = await getIncident(ctx, id, tx);
    const resolvedAt = event.resolvedAt ?? before.resolvedAt;
    const next = {
      title: event.title,
      severity: event.severity,
      startedAt: event.startedAt,
      detectedAt: event.detectedAt ?? before.detectedAt,
      acknowledgedAt: event.acknowledgedAt ?? before.acknowledgedAt,
      mitigatedAt: event.mitigatedAt ?? before.mitigatedAt,
      resolvedAt,
      resolutionNote: resolvedAt
        ? event.resolutionNote ||
          before.resolutionNote ||
          (before.resolvedAt ? null : senderNote(ctx, event))
        : null,
    };
    // As for an edit: a start that moves is checked against the pilot and re-staged.
    const pilot =
      before.pilotId && !sameTime(event.startedAt, before.startedAt)
        ? await loadPilotHistory(tx, ctx.orgId, before.pilotId)
        : undefined;
    assertIncident(next, new Date(), { pilot });
    const stage = pilot ? stageAt(pilot, event.startedAt) : before.stage;
    // Pagers redeliver events: one that changes nothing must not bump the version (which would
    // turn someone's edit in progress into a conflict) or add an audit row.
    const unchanged =
      next.title === before.title &&
      next.severity === before.severity &&
      next.resolutionNote === before.resolutionNote &&
      stage === before.stage &&
      TIMELINE_FIELDS.every((field) => sameTime(next[field], before[field]));
    if (unchanged) return { incident: before, created: false };
    await removeIncidentFromRollups(tx, id);
    await tx
      .update(incidents)
      .set({ ...next, stage, version: sql`${incidents.version} + 1` })
      .where(eq(incidents.id, id));
    await addIncidentToRollups(tx, id);
    const after = await getIncident(ctx, id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: !before.resolvedAt && after.resolvedAt ? "incident.resolved" : "incident.updated",
      entityType: "incident",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return { incident: after, created: false };
  });
}
