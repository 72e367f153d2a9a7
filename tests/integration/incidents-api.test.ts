import { and, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { GET as getIncidentRoute, PATCH as patchIncident } from "@/app/api/v1/incidents/[id]/route";
import { GET as listIncidentsRoute } from "@/app/api/v1/incidents/route";
import { GET as metricsRoute } from "@/app/api/v1/metrics/incidents/route";
import {
  GET as listPilotIncidentsRoute,
  POST as postIncident,
} from "@/app/api/v1/pilots/[id]/incidents/route";
import { POST as webhook } from "@/app/api/v1/webhooks/incidents/route";
import { db } from "@/db";
import { rebuildIncidentRollups } from "@/db/queries/incident-rollups";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { auditEvents, incidents, pilots, pilotTransitions } from "@/db/schema";
import { makeOrg, startedPilot, type TestOrg } from "./fixtures";
import { call, noParams, params, tokenFor } from "./http";

/** A shadow pilot of an assessed use case, started on 1 January 2026 unless said. */
const pilotOf = (org: TestOrg, startDate = "2026-01-01") =>
  startedPilot(org, { stage: "shadow", startDate });

const rowsOf = async (pilotId: string) =>
  (await db.select({ n: count() }).from(incidents).where(eq(incidents.pilotId, pilotId)))[0]?.n;

const incident = {
  title: "Refund issued twice",
  severity: "sev2",
  category: "partial_failure",
  detectionSource: "customer",
  outcome: "financial_impact",
  startedAt: "2026-11-20T09:00:00Z",
  detectedAt: "2026-11-20T09:40:00Z",
  costEstimate: 1200,
  actions: ["rollback", "new_guardrail"],
};

describe("incident ingestion API", () => {
  test("the same incident posted five times at once with one Idempotency-Key makes one row", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents`;
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        postIncident(
          call(path, token, "POST", incident, { "idempotency-key": "pager-123" }),
          params({ id: pilot.id }),
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const ids = await Promise.all(responses.map(async (r) => (await r.json()).id));
    expect(new Set(ids).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(
      4,
    );
    expect(await rowsOf(pilot.id)).toBe(1);
    const created = await (
      await getIncidentRoute(call(`/api/v1/incidents/${ids[0]}`, token), params({ id: ids[0] }))
    ).json();
    expect(created).toMatchObject({
      stage: "shadow",
      severity: "sev2",
      costEstimate: 1200,
      // The organisation's currency, which the cost is in (GBP until organisations choose).
      currency: "GBP",
      resolvedAt: null,
    });

    const changed = await postIncident(
      call(
        path,
        token,
        "POST",
        { ...incident, severity: "sev1" },
        { "idempotency-key": "pager-123" },
      ),
      params({ id: pilot.id }),
    );
    expect(changed.status).toBe(409);
    expect(await rowsOf(pilot.id)).toBe(1);
  });

  test("malformed payloads get a 422 naming the fields and write nothing; other organisations get 404", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents`;
    const post = (body: unknown) =>
      postIncident(call(path, token, "POST", body), params({ id: pilot.id }));

    const bad = await post({
      ...incident,
      severity: "sev9",
      startedAt: "yesterday",
      costEstimate: -5,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(
      expect.arrayContaining(["severity", "startedAt", "costEstimate"]),
    );
    const backwards = await post({ ...incident, detectedAt: "2026-11-20T08:00:00Z" });
    expect(backwards.status).toBe(422);
    expect((await backwards.json()).error.fields.detectedAt[0]).toMatch(
      /must not be earlier than started/,
    );
    expect((await post("{")).status).toBe(400);
    expect(await rowsOf(pilot.id)).toBe(0);

    const viewer = await tokenFor(org, "viewer");
    expect(
      (await postIncident(call(path, viewer, "POST", incident), params({ id: pilot.id }))).status,
    ).toBe(403);
    const other = await makeOrg();
    const foreign = await tokenFor(other, "owner");
    expect(
      (await postIncident(call(path, foreign, "POST", incident), params({ id: pilot.id }))).status,
    ).toBe(404);
    expect(await rowsOf(pilot.id)).toBe(0);
  });

  test("linking an assumption marks it broken; PATCH resolves and reopens with a version", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const [assumption] = await listPilotAssumptions(org.ctx.viewer, pilot.id);
    const res = await postIncident(
      call(`/api/v1/pilots/${pilot.id}/incidents`, token, "POST", {
        ...incident,
        assumptionId: assumption!.id,
      }),
      params({ id: pilot.id }),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    const [after] = (await listPilotAssumptions(org.ctx.viewer, pilot.id)).filter(
      (a) => a.id === assumption!.id,
    );
    expect(after?.status).toBe("broken");
    expect(after?.evidence).toContain("Refund issued twice");

    const path = `/api/v1/incidents/${created.id}`;
    // Resolving asks how: without a note nothing changes.
    const noNote = await patchIncident(
      call(path, token, "PATCH", { resolvedAt: "2026-11-20T15:00:00Z", version: created.version }),
      params({ id: created.id }),
    );
    expect(noNote.status).toBe(422);
    expect((await noNote.json()).error).toMatchObject({
      message: "A resolved incident needs a resolution note.",
      fields: {
        resolutionNote: ["Say how it was resolved: what fixed it, and anything left to do."],
      },
    });
    const resolved = await patchIncident(
      call(path, token, "PATCH", {
        resolvedAt: "2026-11-20T15:00:00Z",
        resolutionNote: "  Refunded the duplicate; retries now carry an idempotency key.  ",
        version: created.version,
      }),
      params({ id: created.id }),
    );
    expect(resolved.status).toBe(200);
    const resolvedBody = await resolved.json();
    expect(resolvedBody.resolvedAt).toBe("2026-11-20T15:00:00.000Z");
    expect(resolvedBody.resolutionNote).toBe(
      "Refunded the duplicate; retries now carry an idempotency key.",
    );
    const [audit] = await db
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, "incident.resolved")),
      );
    expect(audit?.before).toMatchObject({ resolvedAt: null, resolutionNote: null });
    expect(audit?.after).toMatchObject({
      resolvedAt: "2026-11-20T15:00:00.000Z",
      resolutionNote: "Refunded the duplicate; retries now carry an idempotency key.",
    });
    const stale = await patchIncident(
      call(path, token, "PATCH", { resolvedAt: null, version: created.version }),
      params({ id: created.id }),
    );
    expect(stale.status).toBe(409);
    const early = await patchIncident(
      call(path, token, "PATCH", {
        resolvedAt: "2026-11-19T00:00:00Z",
        version: resolvedBody.version,
      }),
      params({ id: created.id }),
    );
    expect(early.status).toBe(422);
    const reopened = await patchIncident(
      call(path, token, "PATCH", { resolvedAt: null, version: resolvedBody.version }),
      params({ id: created.id }),
    );
    expect(await reopened.json()).toMatchObject({ resolvedAt: null, resolutionNote: null });
  });

  test("lists page by cursor without gaps or repeats, and filters", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "viewer");
    const pilot = await pilotOf(org);
    await db.insert(incidents).values(
      Array.from({ length: 23 }, (_, i) => ({
        orgId: org.orgId,
        pilotId: pilot.id,
        title: i % 2 ? `Stale price ${i}` : `Wrong tag ${i}`,
        severity: i % 4 === 0 ? ("sev1" as const) : ("sev3" as const),
        category: "stale_data" as const,
        detectionSource: "automated_check" as const,
        outcome: "prevented" as const,
        // Some share a start time, so the id breaks ties.
        startedAt: new Date(Date.UTC(2026, 5, 1 + Math.floor(i / 2))),
      })),
    );
    // Loaded in bulk, not through the write functions: the rollups are rebuilt.
    await rebuildIncidentRollups(db, org.orgId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `?limit=10${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await (
        await listIncidentsRoute(call(`/api/v1/incidents${qs}`, token), noParams)
      ).json();
      expect(page.total).toBe(23);
      seen.push(...page.data.map((d: { id: string }) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    const filtered = await (
      await listIncidentsRoute(call("/api/v1/incidents?severity=sev1&q=wrong", token), noParams)
    ).json();
    expect(filtered.total).toBe(6);
    // A period: started on or after the 5th and before the 8th of June.
    const period = await (
      await listIncidentsRoute(
        call("/api/v1/incidents?from=2026-06-05&to=2026-06-08", token),
        noParams,
      )
    ).json();
    expect(period.total).toBe(6);
    const periodMetrics = await (
      await metricsRoute(
        call("/api/v1/metrics/incidents?groupBy=month&from=2026-06-05&to=2026-06-08", token),
        noParams,
      )
    ).json();
    expect(periodMetrics.summary.count).toBe(6);
    const bad = await listIncidentsRoute(
      call("/api/v1/incidents?cursor=nonsense", token),
      noParams,
    );
    expect(bad.status).toBe(422);
    // Cursors that looked valid but broke the uuid or timestamp cast in the query: 500 before.
    for (const cursor of [
      `2026-06-01T00:00:00.000000Z|${"-".repeat(36)}`,
      "2026-13-45T25:61:61.000000Z|5d0d7b8e-8b3f-4c0e-9f59-1a2b3c4d5e6f",
    ].map((c) => Buffer.from(c).toString("base64url"))) {
      for (const res of [
        await listIncidentsRoute(call(`/api/v1/incidents?cursor=${cursor}`, token), noParams),
        await listPilotIncidentsRoute(
          call(`/api/v1/pilots/${pilot.id}/incidents?cursor=${cursor}`, token),
          params({ id: pilot.id }),
        ),
      ]) {
        expect(res.status).toBe(422);
        expect((await res.json()).error.fields.cursor[0]).toMatch(/nextCursor/);
      }
    }

    const metrics = await (
      await metricsRoute(
        call(`/api/v1/metrics/incidents?groupBy=week&pilotId=${pilot.id}`, token),
        noParams,
      )
    ).json();
    expect(metrics.summary.count).toBe(23);
    expect(metrics.currency).toBe("GBP");
    expect(metrics.series.reduce((a: number, p: { count: number }) => a + p.count, 0)).toBe(23);
    expect(metrics.definitions.timeToResolve).toMatch(/detected to resolved/);
    const wrong = await metricsRoute(
      call("/api/v1/metrics/incidents?groupBy=day", token),
      noParams,
    );
    expect(wrong.status).toBe(422);
  });

  test("the webhook creates once per external id and updates after", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotOf(org);
    const event = {
      external_id: "PD-42",
      title: "Refund API timeouts",
      severity: "P1",
      pilot_id: pilot.id,
      started_at: "2026-11-21T10:00:00Z",
      detected_at: "2026-11-21T10:05:00Z",
    };
    const first = await Promise.all([
      webhook(call("/api/v1/webhooks/incidents", token, "POST", event), noParams),
      webhook(call("/api/v1/webhooks/incidents", token, "POST", event), noParams),
    ]);
    expect(first.map((r) => r.status).sort()).toEqual([200, 201]);
    const created = await first[0]!.json();
    expect(created).toMatchObject({ severity: "sev1", externalId: "PD-42", stage: "shadow" });
    const resolved = await webhook(
      call("/api/v1/webhooks/incidents", token, "POST", {
        ...event,
        severity: "high",
        resolved_at: "2026-11-21T12:00:00Z",
      }),
      noParams,
    );
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({
      id: created.id,
      severity: "sev2",
      resolvedAt: "2026-11-21T12:00:00.000Z",
      // The pager did not say how: the note says what resolved it.
      resolutionNote: 'Resolved by event “PD-42” from API token "contributor token".',
    });
    const rows = await db
      .select({ n: count() })
      .from(incidents)
      .where(and(eq(incidents.orgId, org.orgId), eq(incidents.externalId, "PD-42")));
    expect(rows[0]?.n).toBe(1);
    const bad = await webhook(
      call("/api/v1/webhooks/incidents", token, "POST", {
        ...event,
        severity: "urgent",
        external_id: "",
      }),
      noParams,
    );
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(
      expect.arrayContaining(["severity", "external_id"]),
    );
  });
});

describe("an incident cannot start before its pilot", () => {
  /**
   * A pilot with a start date of 1 March 2026, recorded that morning in shadow and rolled back
   * to sandbox on 1 May.
   */
  async function pilotWithHistory(org: TestOrg) {
    const pilot = await pilotOf(org, "2026-03-01");
    const recorded = new Date("2026-03-01T08:00:00Z");
    await db.update(pilots).set({ createdAt: recorded }).where(eq(pilots.id, pilot.id));
    await db
      .update(pilotTransitions)
      .set({ createdAt: recorded })
      .where(eq(pilotTransitions.pilotId, pilot.id));
    await transitionPilot(
      org.ctx.lead,
      pilot.id,
      { to: "sandbox", justification: "Duplicate refunds.", version: pilot.version },
      new Date("2026-05-01T09:00:00Z"),
    );
    return pilot;
  }
  const STARTED_LATER =
    "The pilot started on 1 Mar 2026: an incident of this pilot cannot start before then.";

  test("the API refuses a start before the pilot's with a 422 on startedAt, and files later ones under the stage of the moment", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotWithHistory(org);
    const path = `/api/v1/pilots/${pilot.id}/incidents`;
    const post = (startedAt: string) =>
      postIncident(
        call(path, token, "POST", { ...incident, startedAt, detectedAt: startedAt }),
        params({ id: pilot.id }),
      );

    const early = await post("2026-02-20T09:00:00Z");
    expect(early.status).toBe(422);
    const body = await early.json();
    expect(body.error.message).toBe("The incident starts before its pilot did.");
    expect(body.error.fields).toEqual({ startedAt: [STARTED_LATER] });
    expect(await rowsOf(pilot.id)).toBe(0);

    const inShadow = await post("2026-04-10T09:00:00Z");
    expect(inShadow.status).toBe(201);
    const created = await inShadow.json();
    expect(created.stage).toBe("shadow");
    const inSandbox = await post("2026-05-10T09:00:00Z");
    expect((await inSandbox.json()).stage).toBe("sandbox");

    // Moving the start: refused before the pilot's, re-staged after the rollback.
    const patch = (body: Record<string, unknown>) =>
      patchIncident(
        call(`/api/v1/incidents/${created.id}`, token, "PATCH", body),
        params({ id: created.id }),
      );
    const moved = await patch({ startedAt: "2026-02-01T00:00:00Z", version: created.version });
    expect(moved.status).toBe(422);
    expect((await moved.json()).error.fields.startedAt).toEqual([STARTED_LATER]);
    const later = await patch({
      startedAt: "2026-05-02T09:00:00Z",
      detectedAt: "2026-05-02T09:30:00Z",
      version: created.version,
    });
    expect(later.status).toBe(200);
    expect((await later.json()).stage).toBe("sandbox");
  });

  test("the webhook refuses such an event with a 422 naming the event and `started_at`", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const pilot = await pilotWithHistory(org);
    const send = (body: Record<string, unknown>) =>
      webhook(call("/api/v1/webhooks/incidents", token, "POST", body), noParams);
    const event = {
      external_id: "PD-7",
      title: "Refund API timeouts",
      severity: "P2",
      pilot_id: pilot.id,
      started_at: "2026-02-20T09:00:00Z",
    };

    const refused = await send(event);
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.error.message).toBe(
      "Event “PD-7” was not applied: The incident starts before its pilot did.",
    );
    expect(body.error.fields).toEqual({ started_at: [STARTED_LATER] });
    expect(await rowsOf(pilot.id)).toBe(0);

    const accepted = await send({ ...event, started_at: "2026-04-10T09:00:00Z" });
    expect(accepted.status).toBe(201);
    const created = await accepted.json();
    expect(created.stage).toBe("shadow");
    // A later event that moves the start before the pilot's changes nothing.
    const moved = await send({ ...event, resolved_at: "2026-04-10T12:00:00Z" });
    expect(moved.status).toBe(422);
    expect((await moved.json()).error.fields.started_at).toEqual([STARTED_LATER]);
    const unchanged = await (
      await getIncidentRoute(
        call(`/api/v1/incidents/${created.id}`, token),
        params({ id: created.id }),
      )
    ).json();
    expect(unchanged).toMatchObject({
      startedAt: "2026-04-10T09:00:00.000Z",
      resolvedAt: null,
      version: created.version,
    });
  });
});
