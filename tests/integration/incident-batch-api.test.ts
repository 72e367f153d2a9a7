import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { GET as getIncidentRoute } from "@/app/api/v1/incidents/[id]/route";
import { POST as postBatch } from "@/app/api/v1/pilots/[id]/incidents/batch/route";
import { db } from "@/db";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { auditEvents, incidents } from "@/db/schema";
import { SEVERITIES } from "@/lib/domain/incidents";
import { makeOrg, startedPilot, type TestOrg } from "./fixtures";
import { call, params, tokenFor } from "./http";
import { recomputedRollups, storedRollups } from "./rollups";

const pilotOf = (org: TestOrg) => startedPilot(org, { stage: "shadow", startDate: "2026-01-01" });

const rowsOf = async (pilotId: string) =>
  (await db.select({ n: count() }).from(incidents).where(eq(incidents.pilotId, pilotId)))[0]?.n;

/** Incident `n` of a batch: days, severities, outcomes and timelines vary with `n`. */
const item = (n: number) => ({
  title: `Alert ${n}: queue backlog`,
  severity: SEVERITIES[n % 4],
  category: n % 3 === 0 ? "integration_failure" : "partial_failure",
  detectionSource: "automated_check",
  outcome: n % 2 === 0 ? "prevented" : "contained",
  startedAt: `2026-11-${String(10 + (n % 5)).padStart(2, "0")}T0${n % 10}:00:00Z`,
  detectedAt: `2026-11-${String(10 + (n % 5)).padStart(2, "0")}T0${n % 10}:15:00Z`,
  ...(n % 3 === 1
    ? { resolvedAt: `2026-11-${String(10 + (n % 5)).padStart(2, "0")}T1${n % 10}:00:00Z` }
    : {}),
  ...(n % 3 === 1 ? { resolutionNote: "Scaled the consumers." } : {}),
  ...(n % 4 === 0 ? { costEstimate: 100 * n } : {}),
});

const batchOf = (size: number, from = 0) => ({
  incidents: Array.from({ length: size }, (_, i) => item(from + i)),
});

describe("incident batch API", () => {
  test("a batch logs every incident in order, one audit event each, and rollups equal a recomputation; a retry replays, another body is a 409", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents/batch`;
    const send = (body: unknown, key: string) =>
      postBatch(
        call(path, token, "POST", body, { "idempotency-key": key }),
        params({ id: pilot.id }),
      );

    // A first batch of one, so the next one adds to existing rollup rows.
    const first = await send(batchOf(1, 100), "batch-0");
    expect(first.status).toBe(201);

    const body = batchOf(40);
    const res = await send(body, "batch-1");
    expect(res.status).toBe(201);
    const { ids } = (await res.json()) as { ids: string[] };
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(await rowsOf(pilot.id)).toBe(41);

    // In order: the nth id is the nth incident sent.
    for (const n of [0, 7, 39]) {
      const got = await getIncidentRoute(
        call(`/api/v1/incidents/${ids[n]}`, token),
        params({ id: ids[n]! }),
      );
      expect(await got.json()).toMatchObject({
        title: body.incidents[n]!.title,
        severity: body.incidents[n]!.severity,
        stage: "shadow",
        pilotId: pilot.id,
      });
    }

    const audit = await db
      .select({ entityId: auditEvents.entityId, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "incident.created"), inArray(auditEvents.entityId, ids)));
    expect(audit).toHaveLength(40);
    expect(audit.find((a) => a.entityId === ids[3])?.after).toMatchObject({
      pilotId: pilot.id,
      stage: "shadow",
      title: body.incidents[3]!.title,
      severity: body.incidents[3]!.severity,
    });

    expect(await storedRollups(org.orgId)).toEqual(await recomputedRollups(org.orgId));

    const replay = await send(body, "batch-1");
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual({ ids });

    const changed = await send(
      { incidents: [{ ...body.incidents[0], severity: "sev4" }, ...body.incidents.slice(1)] },
      "batch-1",
    );
    expect(changed.status).toBe(409);
    expect(await rowsOf(pilot.id)).toBe(41);
    expect(await storedRollups(org.orgId)).toEqual(await recomputedRollups(org.orgId));
  });

  test("the same batch posted three times at once with one key logs its incidents once", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents/batch`;
    const body = batchOf(25);
    const responses = await Promise.all(
      Array.from({ length: 3 }, () =>
        postBatch(
          call(path, token, "POST", body, { "idempotency-key": "monitor-1" }),
          params({ id: pilot.id }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201]);
    const answers = await Promise.all(responses.map((r) => r.json()));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(
      2,
    );
    expect(await rowsOf(pilot.id)).toBe(25);
    expect(await storedRollups(org.orgId)).toEqual(await recomputedRollups(org.orgId));
  });

  test("one wrong incident refuses the whole batch with its field path, and nothing is written", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const other = await pilotOf(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents/batch`;
    const send = (body: unknown, key = crypto.randomUUID()) =>
      postBatch(
        call(path, token, "POST", body, { "idempotency-key": key }),
        params({ id: pilot.id }),
      );
    const audited = async () =>
      (
        await db
          .select({ n: count() })
          .from(auditEvents)
          .where(and(eq(auditEvents.orgId, org.orgId), eq(auditEvents.action, "incident.created")))
      )[0]?.n;
    const auditBefore = await audited();

    const body = batchOf(6);
    const schema = await send({
      incidents: body.incidents.map((i, n) => (n === 3 ? { ...i, severity: "sev9" } : i)),
    });
    expect(schema.status).toBe(422);
    expect(Object.keys((await schema.json()).error.fields)).toEqual(["incidents.3.severity"]);

    // Checked as a single incident is: a start before the pilot's.
    const early = await send({
      incidents: body.incidents.map((i, n) =>
        n === 4 ? { ...i, startedAt: "2025-06-01T00:00:00Z", detectedAt: null } : i,
      ),
    });
    expect(early.status).toBe(422);
    expect(Object.keys((await early.json()).error.fields)).toEqual(["incidents.4.startedAt"]);

    // The first incident's assumption would be broken, but the second's belongs to another
    // pilot: the whole batch, the first assumption included, is refused.
    const [mine] = await listPilotAssumptions(org.ctx.viewer, pilot.id);
    const [theirs] = await listPilotAssumptions(org.ctx.viewer, other.id);
    const linked = await send({
      incidents: [
        { ...body.incidents[0], assumptionId: mine!.id },
        { ...body.incidents[1], assumptionId: theirs!.id },
      ],
    });
    expect(linked.status).toBe(422);
    expect((await linked.json()).error.fields).toEqual({
      "incidents.1.assumptionId": [expect.any(String)],
    });
    expect(
      (await listPilotAssumptions(org.ctx.viewer, pilot.id)).find((a) => a.id === mine!.id)?.status,
    ).toBe(mine!.status);

    // A refused batch leaves its key unused: the corrected batch goes through with it.
    expect((await send({ incidents: [] }, "k")).status).toBe(422);
    expect((await send(batchOf(2), "k")).status).toBe(201);

    const tooMany = await send(batchOf(501));
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toMatch(/at most 500 incidents; this one has 501/);
    expect((await send(batchOf(500))).status).toBe(201);

    const noKey = await postBatch(call(path, token, "POST", body), params({ id: pilot.id }));
    expect(noKey.status).toBe(400);
    expect((await noKey.json()).error.message).toMatch(/Idempotency-Key/);
    expect(
      (
        await postBatch(
          call(path, token, "POST", "{", { "idempotency-key": "j" }),
          params({ id: pilot.id }),
        )
      ).status,
    ).toBe(400);

    expect(await rowsOf(pilot.id)).toBe(502);
    expect(await audited()).toBe((auditBefore ?? 0) + 502);
    expect(await storedRollups(org.orgId)).toEqual(await recomputedRollups(org.orgId));
  });

  test("a viewer token is refused and another organisation's pilot is not found; nothing is written", async () => {
    const org = await makeOrg();
    const pilot = await pilotOf(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents/batch`;
    const viewer = await tokenFor(org, "viewer");
    const refused = await postBatch(
      call(path, viewer, "POST", batchOf(3), { "idempotency-key": "v" }),
      params({ id: pilot.id }),
    );
    expect(refused.status).toBe(403);

    const other = await makeOrg();
    const foreign = await tokenFor(other, "owner");
    const missing = await postBatch(
      call(path, foreign, "POST", batchOf(3), { "idempotency-key": "f" }),
      params({ id: pilot.id }),
    );
    expect(missing.status).toBe(404);
    expect(await rowsOf(pilot.id)).toBe(0);
    const none = {
      incident_daily_rollups: [],
      incident_org_daily_rollups: [],
      incident_pilot_rollups: [],
    };
    expect(await storedRollups(org.orgId)).toEqual(none);
    expect(await storedRollups(other.orgId)).toEqual(none);
  });
});
