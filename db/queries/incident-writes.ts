import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { incidents, pilotAssumptions } from "@/db/schema";
import {
  type IncidentDto,
  type IncidentInput,
  incidentStartError,
  type PilotHistory,
  stageAt,
  TIMELINE_FIELDS,
  type TimelineField,
  validateIncidentTimeline,
} from "@/lib/domain/incidents";
import { INCIDENT_BATCH_MAX, resolutionNoteError } from "@/lib/domain/incidents/schemas";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import { AppError, assertId, conflict } from "@/lib/errors";
import {
  addIncidentsToRollups,
  addIncidentToRollups,
  removeIncidentFromRollups,
} from "./incident-rollups";
import { getIncident } from "./incidents";
import { writeAudit, writeAuditMany } from "./internal/audit";
import { runIdempotent } from "./internal/idempotency";
import { loadPilotHistory } from "./internal/pilot-history";
import { getPilot } from "./pilots";

// Creating, changing, resolving and reopening incidents, each in one transaction with its
// audit row. The exported helpers (assertIncident, snapshot, insertIncident) are shared with webhook ingestion (incident-webhooks.ts) and check no
// permission themselves.

type Times = Pick<IncidentInput, TimelineField>;

/**
 * Refuses, with one message per field, times out of order or in the future; a start before
 * the pilot's (when `pilot` is given: a new incident of a pilot, or a start that moves); and a
 * resolution without a note (when `resolution` is given).
 */
export function assertIncident(
  times: Times,
  now: Date,
  checks: {
    pilot?: PilotHistory;
    resolution?: Omit<Parameters<typeof resolutionNoteError>[0], "resolvedAt">;
  } = {},
) {
  const errors: Record<string, string[]> = {};
  for (const [field, message] of Object.entries(validateIncidentTimeline(times))) {
    errors[field] = [message];
  }
  for (const field of TIMELINE_FIELDS) {
    const at = times[field];
    if (at && at.getTime() > now.getTime() + 5 * 60_000 && !errors[field]) {
      errors[field] = ["This time is in the future."];
    }
  }
  const beforePilot = checks.pilot ? incidentStartError(checks.pilot, times.startedAt) : null;
  if (beforePilot) errors.startedAt = [beforePilot, ...(errors.startedAt ?? [])];
  const outOfOrder = Object.keys(errors).length > (beforePilot ? 1 : 0);
  const noNote = checks.resolution
    ? resolutionNoteError({ ...checks.resolution, resolvedAt: times.resolvedAt })
    : null;
  if (noNote) errors.resolutionNote = [noNote];
  if (Object.keys(errors).length > 0) {
    throw new AppError(
      "invalid_input",
      outOfOrder
        ? "Some times are out of order."
        : beforePilot
          ? "The incident starts before its pilot did."
          : "A resolved incident needs a resolution note.",
      errors,
    );
  }
}

/** Marks the linked assumption broken (in the same transaction), unless it already is. */
async function breakAssumption(
  tx: Executor,
  ctx: MemberContext,
  pilotId: string | null,
  assumptionId: string | null,
  incidentTitle: string,
) {
  if (!assumptionId) return;
  assertId(assumptionId, "The assumption");
  const [assumption] = await tx
    .select({
      id: pilotAssumptions.id,
      status: pilotAssumptions.status,
      evidence: pilotAssumptions.evidence,
    })
    .from(pilotAssumptions)
    .where(
      and(
        eq(pilotAssumptions.orgId, ctx.orgId),
        eq(pilotAssumptions.id, assumptionId),
        pilotId ? eq(pilotAssumptions.pilotId, pilotId) : sql`false`,
      ),
    );
  if (!assumption) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      assumptionId: ["Choose an assumption of this incident's pilot."],
    });
  }
  if (assumption.status === "broken") return;
  const evidence = `Broken by the incident “${incidentTitle}”.`;
  await tx
    .update(pilotAssumptions)
    .set({
      status: "broken",
      evidence,
      updatedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      version: sql`${pilotAssumptions.version} + 1`,
    })
    .where(eq(pilotAssumptions.id, assumption.id));
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action: "assumption.updated",
    entityType: "pilot",
    entityId: pilotId,
    before: {
      assumptionId: assumption.id,
      status: assumption.status,
      evidence: assumption.evidence,
    },
    after: { assumptionId: assumption.id, status: "broken", evidence },
  });
}

/** Whether two optional times are the same instant. */
export const sameTime = (a: Date | null | undefined, b: Date | null | undefined) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

export const snapshot = (i: Partial<IncidentDto> & Partial<IncidentInput>) => ({
  title: i.title,
  severity: i.severity,
  category: i.category,
  detectionSource: i.detectionSource,
  outcome: i.outcome,
  startedAt: i.startedAt,
  detectedAt: i.detectedAt,
  acknowledgedAt: i.acknowledgedAt,
  mitigatedAt: i.mitigatedAt,
  resolvedAt: i.resolvedAt,
  resolutionNote: i.resolutionNote,
  costEstimate: i.costEstimate,
  assumptionId: i.assumptionId,
  actions: i.actions,
});

export async function insertIncident(
  tx: Executor,
  ctx: MemberContext,
  pilotId: string | null,
  input: IncidentInput & { externalId?: string | null },
  now: Date,
  options: {
    /** The pilot's history, when the caller has just read the pilot and it in this transaction. */
    known?: { pilotId: string; history: PilotHistory };
    /** The caller adds the incident to the rollups itself, as its last write before commit. */
    rollupLater?: boolean;
  } = {},
): Promise<IncidentDto> {
  const { known } = options;
  // Reads that do not depend on each other go out together (pipelined on PostgreSQL).
  const [, pilot] =
    pilotId && known?.pilotId === pilotId
      ? [null, known.history]
      : pilotId
        ? await Promise.all([getPilot(ctx, pilotId, tx), loadPilotHistory(tx, ctx.orgId, pilotId)])
        : [null, undefined];
  assertIncident(input, now, {
    pilot,
    resolution: { wasResolved: false, hadNote: false, note: input.resolutionNote },
  });
  const stage = pilot ? stageAt(pilot, input.startedAt) : null;
  await breakAssumption(tx, ctx, pilotId, input.assumptionId, input.title);
  const id = randomUUID();
  await tx.insert(incidents).values({
    ...input,
    id,
    title: input.title.trim(),
    description: input.description.trim(),
    resolutionNote: input.resolvedAt ? input.resolutionNote?.trim() || null : null,
    orgId: ctx.orgId,
    pilotId,
    stage,
    externalId: input.externalId ?? null,
    createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
  });
  // The audit row, the answer and the rollup share go out together. The rollup row is locked
  // until commit and shared by every incident of the pilot that day, so it comes last.
  const [, created] = await Promise.all([
    writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "incident.created",
      entityType: "incident",
      entityId: id,
      after: { pilotId, stage, ...snapshot(input) },
    }),
    getIncident(ctx, id, tx),
    options.rollupLater ? null : addIncidentToRollups(tx, id),
  ]);
  return created;
}

/** Logs an incident, on a pilot or organisation-wide (contributors and above). */
export async function createIncident(
  ctx: MemberContext,
  pilotId: string | null,
  input: IncidentInput,
  now = new Date(),
): Promise<IncidentDto> {
  assertCan(ctx, "incident:write");
  return db.transaction((tx) => insertIncident(tx, ctx, pilotId, input, now));
}

/** The same through the API: a retry with the same Idempotency-Key returns the first incident. */
export async function createIncidentIdempotent(
  ctx: MemberContext,
  pilotId: string,
  input: IncidentInput,
  key: string,
  body: unknown,
) {
  assertCan(ctx, "incident:write");
  return db.transaction(async (tx) => {
    // The pilot and its history are read together (a retry that replays reads them in vain).
    const [, history] = await Promise.all([
      getPilot(ctx, pilotId, tx),
      loadPilotHistory(tx, ctx.orgId, pilotId),
    ]);
    return runIdempotent(
      tx,
      ctx.orgId,
      `incidents:${pilotId}`,
      key,
      body,
      async () => ({
        status: 201,
        body: await insertIncident(tx, ctx, pilotId, input, new Date(), {
          known: { pilotId, history },
          rollupLater: true,
        }),
      }),
      // With the key's answer, just before commit: the rollup row's lock is held briefly.
      (result) => addIncidentToRollups(tx, result.body.id),
    );
  });
}

/** Runs `check` for item `index` of a batch, collecting its field errors as `incidents.<index>.<field>`. */
async function checkItem(
  errors: Record<string, string[]>,
  index: number,
  check: () => unknown,
): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "invalid_input" || !error.fields)
      throw error;
    for (const [field, messages] of Object.entries(error.fields)) {
      errors[`incidents.${index}.${field}`] = messages;
    }
  }
}

const batchRefused = (errors: Record<string, string[]>) =>
  new AppError(
    "invalid_input",
    "Some incidents of the batch need your attention; none was logged.",
    errors,
  );

/**
 * Logs many incidents on a pilot at once, all or none (contributors and above), under one
 * Idempotency-Key: a retry with the same body returns the first answer and creates nothing,
 * the same key with another body is a 409. Each incident is checked as a single one is and
 * gets its own audit row; the incidents, their audit rows and the rollups are each written in
 * one statement. Answers the new ids in the order of `inputs`.
 */
export async function createIncidentBatchIdempotent(
  ctx: MemberContext,
  pilotId: string,
  inputs: IncidentInput[],
  key: string,
  body: unknown,
): Promise<{ status: number; body: { ids: string[] }; replayed: boolean }> {
  assertCan(ctx, "incident:write");
  assertId(pilotId, "The pilot");
  if (inputs.length === 0 || inputs.length > INCIDENT_BATCH_MAX) {
    throw new AppError(
      "bad_request",
      `A batch holds 1 to ${INCIDENT_BATCH_MAX} incidents; this one has ${inputs.length}.`,
    );
  }
  return db.transaction(async (tx) => {
    // Scoped to the caller's organisation: another organisation's pilot is not found.
    const history = await loadPilotHistory(tx, ctx.orgId, pilotId);
    return runIdempotent(
      tx,
      ctx.orgId,
      `incidents-batch:${pilotId}`,
      key,
      body,
      async () => {
        const now = new Date();
        const errors: Record<string, string[]> = {};
        for (const [index, input] of inputs.entries()) {
          await checkItem(errors, index, () =>
            assertIncident(input, now, {
              pilot: history,
              resolution: { wasResolved: false, hadNote: false, note: input.resolutionNote },
            }),
          );
        }
        if (Object.keys(errors).length > 0) throw batchRefused(errors);
        // Linked assumptions are marked broken one by one (rare in a batch).
        for (const [index, input] of inputs.entries()) {
          if (!input.assumptionId) continue;
          await checkItem(errors, index, () =>
            breakAssumption(tx, ctx, pilotId, input.assumptionId, input.title),
          );
          if (Object.keys(errors).length > 0) throw batchRefused(errors);
        }
        const rows = inputs.map((input) => ({
          ...input,
          id: randomUUID(),
          title: input.title.trim(),
          description: input.description.trim(),
          resolutionNote: input.resolvedAt ? input.resolutionNote?.trim() || null : null,
          orgId: ctx.orgId,
          pilotId,
          stage: stageAt(history, input.startedAt),
          externalId: null,
          createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        }));
        await Promise.all([
          tx.insert(incidents).values(rows),
          writeAuditMany(
            tx,
            ctx.orgId,
            ctx.actor,
            rows.map((row, index) => ({
              action: "incident.created",
              entityType: "incident",
              entityId: row.id,
              after: { pilotId, stage: row.stage, ...snapshot(inputs[index]!) },
            })),
          ),
        ]);
        return { status: 201, body: { ids: rows.map((row) => row.id) } };
      },
      // With the key's answer, just before commit: the rollup rows' locks are held briefly.
      (result) => addIncidentsToRollups(tx, ctx.orgId, result.body.ids),
    );
  });
}

/**
 * Changes an incident (contributors and above); fields left out keep their value. Refuses a
 * stale version. Linking an assumption marks it broken.
 */
export async function updateIncident(
  ctx: MemberContext,
  id: string,
  patch: Partial<IncidentInput> & { version: number },
  now = new Date(),
): Promise<IncidentDto> {
  assertCan(ctx, "incident:write");
  return db.transaction(async (tx) => {
    const before = await getIncident(ctx, id, tx);
    const { version, ...changes } = patch;
    const merged = { ...before, ...changes };
    // A start that moves is checked against the pilot and re-staged; one that stays is left
    // alone, so an incident logged before the rule existed can still be edited and resolved.
    const pilot =
      before.pilotId && changes.startedAt && !sameTime(changes.startedAt, before.startedAt)
        ? await loadPilotHistory(tx, ctx.orgId, before.pilotId)
        : undefined;
    assertIncident(merged, now, {
      pilot,
      resolution: {
        wasResolved: Boolean(before.resolvedAt),
        hadNote: Boolean(before.resolutionNote),
        note: merged.resolutionNote,
      },
    });
    if (changes.assumptionId && changes.assumptionId !== before.assumptionId) {
      await breakAssumption(tx, ctx, before.pilotId, changes.assumptionId, merged.title);
    }
    const stage = pilot ? stageAt(pilot, merged.startedAt) : before.stage;
    await removeIncidentFromRollups(tx, id);
    const [row] = await tx
      .update(incidents)
      .set({
        ...changes,
        // Reopening clears the note (the audit log keeps it); resolving asks for a new one.
        resolutionNote: merged.resolvedAt ? merged.resolutionNote?.trim() || null : null,
        stage,
        version: sql`${incidents.version} + 1`,
      })
      .where(
        and(eq(incidents.orgId, ctx.orgId), eq(incidents.id, id), eq(incidents.version, version)),
      )
      .returning({ id: incidents.id });
    if (!row) {
      const current = await getIncident(ctx, id, tx);
      throw new AppError(
        "conflict",
        "Someone else changed this incident since you opened it. Look at their change, then try again.",
        undefined,
        { current: { version: current.version, resolvedAt: current.resolvedAt } },
      );
    }
    await addIncidentToRollups(tx, id);
    const after = await getIncident(ctx, id, tx);
    const action =
      !before.resolvedAt && after.resolvedAt
        ? "incident.resolved"
        : before.resolvedAt && !after.resolvedAt
          ? "incident.reopened"
          : "incident.updated";
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action,
      entityType: "incident",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

/** Resolves an open incident at `at` (now by default), with a note on how. */
export async function resolveIncident(
  ctx: MemberContext,
  id: string,
  input: { version: number; note: string; at?: Date },
): Promise<IncidentDto> {
  const current = await getIncident(ctx, id);
  if (current.resolvedAt) throw conflict("This incident is already resolved.");
  return updateIncident(ctx, id, {
    resolvedAt: input.at ?? new Date(),
    resolutionNote: input.note,
    version: input.version,
  });
}

/** Reopens a resolved incident (its resolution time and note are cleared). */
export async function reopenIncident(
  ctx: MemberContext,
  id: string,
  input: { version: number },
): Promise<IncidentDto> {
  const current = await getIncident(ctx, id);
  if (!current.resolvedAt) throw conflict("This incident is already open.");
  return updateIncident(ctx, id, { resolvedAt: null, version: input.version });
}
