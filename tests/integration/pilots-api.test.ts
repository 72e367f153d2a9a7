import { describe, expect, test } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { PATCH as patchAssumption } from "@/app/api/v1/pilots/[id]/assumptions/[assumptionId]/route";
import { POST as decideOverride } from "@/app/api/v1/pilots/[id]/override-requests/[requestId]/route";
import { GET as listOverrides } from "@/app/api/v1/pilots/[id]/override-requests/route";
import { GET as getPilotRoute } from "@/app/api/v1/pilots/[id]/route";
import {
  GET as getRunMetrics,
  POST as postRunMetrics,
} from "@/app/api/v1/pilots/[id]/run-metrics/route";
import { POST as postTransition } from "@/app/api/v1/pilots/[id]/transitions/route";
import { GET as listPilotsRoute, POST as startPilotRoute } from "@/app/api/v1/pilots/route";
import { createApiToken } from "@/db/queries/api-tokens";
import { updateOverridePolicy } from "@/db/queries/gate-settings";
import { getOrganisation } from "@/db/queries/organisations";
import { assessedUseCase, makeOrg, startedPilot } from "./fixtures";
import { call, noParams, params, tokenFor } from "./http";

describe("pilot API", () => {
  test("start, read, a blocked promotion with its failing criteria, a stale version, an override", async () => {
    const org = await makeOrg();
    const lead = await tokenFor(org, "lead");
    const admin = await tokenFor(org, "admin");
    const useCaseId = (await assessedUseCase(org)).uc.id;

    const started = await startPilotRoute(
      call("/api/v1/pilots", lead, "POST", {
        useCaseId,
        stage: "proposed",
        rollbackPlan: "Flag off",
      }),
      noParams,
    );
    expect(started.status).toBe(201);
    const pilot = await started.json();
    expect(pilot.stage).toBe("proposed");

    const list = await (
      await listPilotsRoute(call("/api/v1/pilots?stage=proposed", lead), noParams)
    ).json();
    expect(list.data.map((p: { id: string }) => p.id)).toEqual([pilot.id]);
    const bad = await listPilotsRoute(call("/api/v1/pilots?stage=orbit", lead), noParams);
    expect(bad.status).toBe(422);

    const read = await (
      await getPilotRoute(call(`/api/v1/pilots/${pilot.id}`, lead), params({ id: pilot.id }))
    ).json();
    expect(read.gate.nextStage).toBe("sandbox");
    expect(read.gate.criteria.map((c: { kind: string }) => c.kind)).toEqual([
      "band_allows_stage",
      "min_readiness_score",
      "rollback_plan_recorded",
    ]);
    expect(read.timeline).toHaveLength(1);

    // Proposed → sandbox passes; sandbox → shadow needs 7 days in the stage.
    const first = await postTransition(
      call(`/api/v1/pilots/${pilot.id}/transitions`, lead, "POST", {
        to: "sandbox",
        version: read.version,
      }),
      params({ id: pilot.id }),
    );
    expect(first.status).toBe(201);
    const moved = await first.json();
    expect(moved.pilot).toMatchObject({ stage: "sandbox", version: read.version + 1 });

    const stale = await postTransition(
      call(`/api/v1/pilots/${pilot.id}/transitions`, lead, "POST", {
        to: "shadow",
        version: read.version,
      }),
      params({ id: pilot.id }),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.current).toMatchObject({
      stage: "sandbox",
      version: read.version + 1,
    });

    const blocked = await postTransition(
      call(`/api/v1/pilots/${pilot.id}/transitions`, lead, "POST", {
        to: "shadow",
        version: moved.pilot.version,
      }),
      params({ id: pilot.id }),
    );
    expect(blocked.status).toBe(422);
    const blockedBody = await blocked.json();
    expect(blockedBody.error.failing).toEqual([
      expect.objectContaining({
        kind: "min_days_in_stage",
        threshold: "at least 7 days",
        measured: "0 days",
        pass: false,
      }),
    ]);

    const leadOverride = await postTransition(
      call(`/api/v1/pilots/${pilot.id}/transitions`, lead, "POST", {
        to: "shadow",
        version: moved.pilot.version,
        justification: "Customer pilot starts Monday.",
      }),
      params({ id: pilot.id }),
    );
    expect(leadOverride.status).toBe(403);
    const override = await postTransition(
      call(`/api/v1/pilots/${pilot.id}/transitions`, admin, "POST", {
        to: "shadow",
        version: moved.pilot.version,
        justification: "Customer pilot starts Monday.",
      }),
      params({ id: pilot.id }),
    );
    expect(override.status).toBe(201);
    expect(
      (await override.json()).transition.overridden.map((c: { kind: string }) => c.kind),
    ).toEqual(["min_days_in_stage"]);
  });

  test("with a second approver required, an override answers 202 with a request that another admin's token approves", async () => {
    const org = await makeOrg();
    const { version } = await getOrganisation(org.ctx.owner);
    await updateOverridePolicy(org.ctx.owner, { overridesNeedSecondApprover: true, version });
    // Each token acts for the person who created it.
    const ownerToken = (await createApiToken(org.ctx.owner, { name: "Owner CI", role: "owner" }))
      .token;
    const adminToken = (await createApiToken(org.ctx.admin, { name: "Admin CI", role: "admin" }))
      .token;
    const pilot = await startedPilot(org, { stage: "shadow" });
    const asked = await postTransition(
      call(`/api/v1/pilots/${pilot.id}/transitions`, ownerToken, "POST", {
        to: "supervised",
        version: pilot.version,
        justification: "Finance reviews every action by hand this quarter.",
      }),
      params({ id: pilot.id }),
    );
    expect(asked.status).toBe(202);
    const { request, pilot: unmoved } = await asked.json();
    expect(unmoved).toMatchObject({ stage: "shadow", version: pilot.version });
    expect(request).toMatchObject({
      status: "pending",
      fromStage: "shadow",
      toStage: "supervised",
      requestedBy: org.users.owner.name,
    });
    const listed = await (
      await listOverrides(
        call(`/api/v1/pilots/${pilot.id}/override-requests`, adminToken),
        params({ id: pilot.id }),
      )
    ).json();
    expect(listed.data.map((r: { id: string }) => r.id)).toEqual([request.id]);

    const path = `/api/v1/pilots/${pilot.id}/override-requests/${request.id}`;
    const p = { id: pilot.id, requestId: request.id };
    const own = await decideOverride(
      call(path, ownerToken, "POST", { decision: "approve", version: request.version }),
      params(p),
    );
    expect(own.status).toBe(403);
    const noNote = await decideOverride(
      call(path, adminToken, "POST", { decision: "reject", version: request.version }),
      params(p),
    );
    expect(noNote.status).toBe(422);
    expect((await noNote.json()).error.fields.note).toEqual([
      "Say why you reject it, in at least 10 characters: the requester sees it.",
    ]);
    const approved = await decideOverride(
      call(path, adminToken, "POST", { decision: "approve", version: request.version }),
      params(p),
    );
    expect(approved.status).toBe(200);
    const body = await approved.json();
    expect(body.request).toMatchObject({ status: "approved", decidedBy: org.users.admin.name });
    expect(body.pilot).toMatchObject({ stage: "supervised", version: pilot.version + 1 });
    expect(body.transition).toMatchObject({ kind: "promote", toStage: "supervised" });
    const again = await decideOverride(
      call(path, adminToken, "POST", { decision: "approve", version: body.request.version }),
      params(p),
    );
    expect(again.status).toBe(409);
  });

  test("run metrics with an Idempotency-Key replay; bad payloads name the fields; other organisations get 404", async () => {
    const org = await makeOrg();
    const contributor = await tokenFor(org, "contributor");
    const lead = await tokenFor(org, "lead");
    const useCaseId = (await assessedUseCase(org)).uc.id;
    const pilot = await (
      await startPilotRoute(
        call("/api/v1/pilots", lead, "POST", {
          useCaseId,
          stage: "sandbox",
          startDate: "2026-11-04",
        }),
        noParams,
      )
    ).json();
    const path = `/api/v1/pilots/${pilot.id}/run-metrics`;
    const body = {
      metrics: [{ periodStart: "2026-11-23", attempted: 120, correct: 111, overrides: 4 }],
    };
    const send = (b: unknown, key = "batch-1") =>
      postRunMetrics(
        call(path, contributor, "POST", b, { "idempotency-key": key }),
        params({ id: pilot.id }),
      );

    const first = await send(body);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    expect(firstBody.data[0]).toMatchObject({
      attempted: 120,
      accuracy: 111 / 120,
      stage: "sandbox",
    });
    const retry = await send(body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((await retry.json()).data[0].id).toBe(firstBody.data[0].id);
    expect((await send({ metrics: [{ ...body.metrics[0], correct: 100 }] })).status).toBe(409);

    const invalid = await send(
      { metrics: [{ periodStart: "yesterday", attempted: 5, correct: 9, overrides: 0 }] },
      "k2",
    );
    expect(invalid.status).toBe(422);
    const fields = (await invalid.json()).error.fields;
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining(["metrics.0.periodStart", "metrics.0.correct"]),
    );
    // A day before the pilot's start is refused, naming the row, and nothing is written.
    const early = await send(
      {
        metrics: [
          { periodStart: "2026-11-24", attempted: 10, correct: 9, overrides: 0 },
          { periodStart: "2026-11-01", attempted: 10, correct: 9, overrides: 0 },
        ],
      },
      "k3",
    );
    expect(early.status).toBe(422);
    const earlyError = (await early.json()).error;
    expect(earlyError.message).toBe(
      "Run metrics cannot cover days before the pilot started on 2026-11-04.",
    );
    expect(earlyError.fields).toEqual({
      "metrics.1.periodStart": [
        "2026-11-01 is before the pilot started on 2026-11-04: run metrics cover the pilot from its start date on.",
      ],
    });
    const stored = await (
      await getRunMetrics(call(path, contributor), params({ id: pilot.id }))
    ).json();
    expect(stored.data.map((m: { periodStart: string }) => m.periodStart)).toEqual(["2026-11-23"]);
    // The week that holds the start day (a Wednesday) is fine, though its Monday is earlier.
    const week = await send(
      {
        metrics: [
          { period: "week", periodStart: "2026-11-05", attempted: 70, correct: 66, overrides: 2 },
        ],
      },
      "k4",
    );
    expect(week.status).toBe(201);
    expect((await week.json()).data[0].periodStart).toBe("2026-11-02");

    const malformed = await postRunMetrics(
      call(path, contributor, "POST", "{not json"),
      params({ id: pilot.id }),
    );
    expect(malformed.status).toBe(400);

    const viewer = await tokenFor(org, "viewer");
    expect(
      (await postRunMetrics(call(path, viewer, "POST", body), params({ id: pilot.id }))).status,
    ).toBe(403);

    const other = await makeOrg();
    const foreign = await tokenFor(other, "owner");
    expect(
      (await getPilotRoute(call(`/api/v1/pilots/${pilot.id}`, foreign), params({ id: pilot.id })))
        .status,
    ).toBe(404);
    expect(
      (await postRunMetrics(call(path, foreign, "POST", body), params({ id: pilot.id }))).status,
    ).toBe(404);
  });

  test("assumptions are patched with evidence and a version", async () => {
    const org = await makeOrg();
    const lead = await tokenFor(org, "lead");
    const useCaseId = (await assessedUseCase(org)).uc.id;
    const pilot = await (
      await startPilotRoute(
        call("/api/v1/pilots", lead, "POST", { useCaseId, stage: "sandbox" }),
        noParams,
      )
    ).json();
    const read = await (
      await getPilotRoute(call(`/api/v1/pilots/${pilot.id}`, lead), params({ id: pilot.id }))
    ).json();
    const assumption = read.assumptions[0];
    const path = `/api/v1/pilots/${pilot.id}/assumptions/${assumption.id}`;
    const p = { id: pilot.id, assumptionId: assumption.id };
    const missing = await patchAssumption(
      call(path, lead, "PATCH", { status: "verified", version: 1 }),
      params(p),
    );
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.fields.evidence).toEqual([
      "Say what shows this (a note or a link): it is the evidence others will rely on.",
    ]);
    const ok = await patchAssumption(
      call(path, lead, "PATCH", {
        status: "broken",
        evidence: "Emails differ in 4% of CRM records",
        version: 1,
      }),
      params(p),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "broken", version: 2 });
    const stale = await patchAssumption(
      call(path, lead, "PATCH", { status: "open", version: 1 }),
      params(p),
    );
    expect(stale.status).toBe(409);
  });

  test("the OpenAPI document describes the pilot routes", async () => {
    const doc = await openapi().json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/pilots",
        "/api/v1/pilots/{id}",
        "/api/v1/pilots/{id}/transitions",
        "/api/v1/pilots/{id}/run-metrics",
        "/api/v1/pilots/{id}/assumptions/{assumptionId}",
        "/api/v1/pilots/{id}/override-requests",
        "/api/v1/pilots/{id}/override-requests/{requestId}",
      ]),
    );
    const headers = doc.paths["/api/v1/pilots/{id}/run-metrics"].post.parameters.map(
      (x: { name: string }) => x.name,
    );
    expect(headers).toContain("idempotency-key");
    expect(
      doc.paths["/api/v1/pilots/{id}/transitions"].post.responses["422"].content["application/json"]
        .schema.$ref,
    ).toBe("#/components/schemas/GateBlocked");
    expect(
      doc.paths["/api/v1/pilots/{id}/transitions"].post.responses["202"].content["application/json"]
        .schema.$ref,
    ).toBe("#/components/schemas/GateOverrideRequested");
  });
});
