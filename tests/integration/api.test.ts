import { describe, expect, test } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { PUT as putAnswers } from "@/app/api/v1/assessments/[id]/answers/route";
import { GET as getAssessmentRoute } from "@/app/api/v1/assessments/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/assessments/[id]/submit/route";
import { POST as startAssessmentRoute } from "@/app/api/v1/assessments/route";
import { GET as auditEvents } from "@/app/api/v1/audit-events/route";
import { GET as members } from "@/app/api/v1/members/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as organisation } from "@/app/api/v1/organisation/route";
import { GET as questionBank } from "@/app/api/v1/question-bank/route";
import { POST as addActionRoute } from "@/app/api/v1/use-cases/[id]/actions/route";
import { POST as createUseCaseRoute, GET as listUseCasesRoute } from "@/app/api/v1/use-cases/route";
import { createApiToken, revokeApiToken } from "@/db/queries/api-tokens";
import { makeOrg } from "./fixtures";
import { call, noParams, params, tokenFor } from "./http";

const b64 = (text: string) => Buffer.from(text).toString("base64url");

describe("GET /api/health", () => {
  test("answers ok with the database in use", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    const expected = process.env.DATABASE_URL ? "postgres" : "pglite";
    expect(await res.json()).toEqual({ status: "ok", db: expected });
  });
});

describe("GET /api/v1/openapi.json", () => {
  test("is an OpenAPI 3.1 document describing every route and the error shape", async () => {
    const doc = await openapi().json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/health",
        "/api/v1/organisation",
        "/api/v1/members",
        "/api/v1/audit-events",
        "/api/v1/use-cases",
        "/api/v1/use-cases/{id}",
        "/api/v1/use-cases/{id}/actions",
        "/api/v1/use-cases/{id}/actions/{actionId}",
        "/api/v1/assessments",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/use-cases/{id}"]).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(doc.paths["/api/v1/use-cases/{id}/actions"]).sort()).toEqual([
      "get",
      "post",
    ]);
    const action = doc.paths["/api/v1/use-cases/{id}/actions/{actionId}"];
    expect(Object.keys(action).sort()).toEqual(["delete", "patch"]);
    expect(action.delete.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ in: "query", name: "version", required: true }),
      ]),
    );
    expect(action.patch.responses["409"]).toBeDefined();
    expect(
      doc.paths["/api/v1/assessments"].get.parameters.map((p: { name: string }) => p.name),
    ).toContain("useCaseId");
    expect(doc.components.schemas.InventoryActionPatch.required).toEqual(["version"]);
    expect(doc.components.schemas.UseCasePatch.required).toEqual(["version"]);
    expect(doc.components.schemas.Error.properties.error.required).toEqual(
      expect.arrayContaining(["code", "message"]),
    );
    const params = doc.paths["/api/v1/audit-events"].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(params).toEqual(expect.arrayContaining(["action", "cursor", "limit"]));
  });
});

describe("bearer tokens", () => {
  test("without a token: 401 in the API's error shape", async () => {
    const res = await organisation(call("/api/v1/organisation"), noParams);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect(await res.json()).toEqual({
      error: { code: "unauthorized", message: expect.any(String) },
    });
  });

  test("an unknown or revoked token is refused", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "viewer");
    const unknown = await organisation(call("/api/v1/organisation", "pf_nope"), noParams);
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error).toMatchObject({
      code: "unauthorized",
      reason: "unknown",
      message: expect.stringMatching(/not recognised/),
    });
    expect((await organisation(call("/api/v1/organisation", token), noParams)).status).toBe(200);
    const doomed = await createApiToken(org.ctx.owner, { name: "to revoke", role: "viewer" });
    expect((await organisation(call("/api/v1/organisation", doomed.token), noParams)).status).toBe(
      200,
    );
    await revokeApiToken(org.ctx.owner, doomed.apiToken.id);
    const res = await organisation(call("/api/v1/organisation", doomed.token), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({
      reason: "revoked",
      message: expect.stringMatching(/revoked/),
    });
    expect((await organisation(call("/api/v1/organisation", token), noParams)).status).toBe(200);
  });

  test("a token sees only its own organisation, with its own role", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const res = await organisation(
      call("/api/v1/organisation", await tokenFor(b, "lead")),
      noParams,
    );
    expect(await res.json()).toMatchObject({ id: b.orgId, slug: b.slug, token: { role: "lead" } });
    const list = await (
      await members(call("/api/v1/members", await tokenFor(b, "viewer")), noParams)
    ).json();
    const emails = list.data.map((m: { email: string }) => m.email);
    expect(emails).toContain(b.users.owner.email);
    expect(emails).not.toContain(a.users.owner.email);
    expect(JSON.stringify(list)).not.toMatch(/password|hash/i);
  });

  test("the audit log needs an admin token; bad query parameters get 422 with the field", async () => {
    const org = await makeOrg();
    const viewer = await auditEvents(
      call("/api/v1/audit-events", await tokenFor(org, "viewer")),
      noParams,
    );
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).error.code).toBe("forbidden");

    const admin = await tokenFor(org, "admin");
    const bad = await auditEvents(call("/api/v1/audit-events?limit=5000", admin), noParams);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields).toHaveProperty("limit");

    const ok = await auditEvents(
      call("/api/v1/audit-events?action=api_token.created&limit=1", admin),
      noParams,
    );
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ action: "api_token.created", entityType: "api_token" });
    expect(body.nextCursor).toEqual(expect.any(String));
  });

  test.each([
    ["not base64 at all", "%%%"],
    ["garbage", "nonsense"],
    ["a timestamp that is no date", b64("2026-13-45T25:61:61.000000Z|1")],
    ["an id that is no number", b64("2026-11-01T10:00:00.000000Z|x")],
  ])(
    "a malformed cursor (%s) is a 422 naming the cursor, not silently ignored",
    async (_, cursor) => {
      const org = await makeOrg();
      const admin = await tokenFor(org, "admin");
      const res = await auditEvents(
        call(`/api/v1/audit-events?cursor=${encodeURIComponent(cursor)}`, admin),
        noParams,
      );
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.fields.cursor[0]).toMatch(/nextCursor/);
    },
  );
});

describe("/api/v1/use-cases", () => {
  test("a contributor token creates a use case; viewers may only list", async () => {
    const org = await makeOrg();
    const created = await createUseCaseRoute(
      call("/api/v1/use-cases", await tokenFor(org, "contributor"), "POST", {
        name: "Ticket routing",
        businessValue: 3,
        systems: ["Jira"],
      }),
      noParams,
    );
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({
      name: "Ticket routing",
      status: "candidate",
      systems: ["Jira"],
      version: 1,
    });

    const viewer = await tokenFor(org, "viewer");
    expect(
      (
        await createUseCaseRoute(
          call("/api/v1/use-cases", viewer, "POST", { name: "Nope", businessValue: 1 }),
          noParams,
        )
      ).status,
    ).toBe(403);
    const list = await (
      await listUseCasesRoute(call("/api/v1/use-cases?q=ticket", viewer), noParams)
    ).json();
    expect(list.data.map((u: { id: string }) => u.id)).toEqual([body.id]);
  });

  test("bad bodies: 400 for malformed JSON, 422 naming each wrong field, nothing written", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "lead");
    expect(
      (await createUseCaseRoute(call("/api/v1/use-cases", token, "POST", "{not json"), noParams))
        .status,
    ).toBe(400);
    const res = await createUseCaseRoute(
      call("/api/v1/use-cases", token, "POST", { name: "x", businessValue: 9, status: "flying" }),
      noParams,
    );
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual(["businessValue", "name", "status"]);
    const list = await (await listUseCasesRoute(call("/api/v1/use-cases", token), noParams)).json();
    expect(list.data).toEqual([]);
  });
});

describe("assessments over the API", () => {
  test("question bank, start, answer, submit and read the result", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const bank = await (await questionBank(call("/api/v1/question-bank", token), noParams)).json();
    expect(bank).toMatchObject({ version: "v2", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(bank.questions.length).toBeGreaterThanOrEqual(40);
    expect(
      (await questionBank(call("/api/v1/question-bank?version=v9", token), noParams)).status,
    ).toBe(404);

    const uc = await (
      await createUseCaseRoute(
        call("/api/v1/use-cases", token, "POST", { name: "API flow", businessValue: 2 }),
        noParams,
      )
    ).json();
    const started = await startAssessmentRoute(
      call("/api/v1/assessments", token, "POST", { useCaseId: uc.id }),
      noParams,
    );
    expect(started.status).toBe(201);
    const { id } = await started.json();
    const again = await startAssessmentRoute(
      call("/api/v1/assessments", token, "POST", { useCaseId: uc.id }),
      noParams,
    );
    expect(again.status).toBe(200);
    expect((await again.json()).id).toBe(id);

    const bad = await putAnswers(
      call(`/api/v1/assessments/${id}/answers`, token, "PUT", {
        answers: [
          { questionId: "rev_stop", optionId: "switch" },
          { questionId: "nope", optionId: "x" },
          { questionId: "rev_stop", optionId: "switch", dontKnow: true },
        ],
      }),
      params({ id }),
    );
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(["answers.2.optionId"]);
    const unknown = await putAnswers(
      call(`/api/v1/assessments/${id}/answers`, token, "PUT", {
        answers: [{ questionId: "nope", optionId: "x" }],
      }),
      params({ id }),
    );
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toHaveProperty("answers.0.questionId");

    const saved = await putAnswers(
      call(`/api/v1/assessments/${id}/answers`, token, "PUT", {
        answers: [
          { questionId: "rev_stop", optionId: "switch", evidence: "Runbook" },
          { questionId: "hand_owner", dontKnow: true },
        ],
      }),
      params({ id }),
    );
    expect(saved.status).toBe(200);
    expect((await saved.json()).answers).toHaveLength(2);

    // No inventory yet: the assessment cannot be submitted, and the error says why.
    const early = await submitRoute(
      call(`/api/v1/assessments/${id}/submit`, token, "POST"),
      params({ id }),
    );
    expect(early.status).toBe(422);
    expect((await early.json()).error.fields.inventory).toEqual([
      "Add at least one action to the use case's action inventory.",
    ]);
    const action = await addActionRoute(
      call(`/api/v1/use-cases/${uc.id}/actions`, token, "POST", {
        name: "Read order",
        system: "Shop",
        access: "read",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "hourly",
      }),
      params({ id: uc.id }),
    );
    expect(action.status).toBe(201);

    const submitted = await submitRoute(
      call(`/api/v1/assessments/${id}/submit`, token, "POST"),
      params({ id }),
    );
    expect(submitted.status).toBe(200);
    const body = await submitted.json();
    expect(body.status).toBe("submitted");
    // Nobody said there is no owner: the blocker is possible, not a fact.
    expect(body.result.blockers).toContainEqual(
      expect.objectContaining({ id: "no_owner", status: "unverified" }),
    );
    expect(body.result.trace.length).toBeGreaterThan(5);

    const locked = await putAnswers(
      call(`/api/v1/assessments/${id}/answers`, token, "PUT", {
        answers: [{ questionId: "rev_stop", optionId: "no" }],
      }),
      params({ id }),
    );
    expect(locked.status).toBe(409);
    const read = await (
      await getAssessmentRoute(call(`/api/v1/assessments/${id}`, token), params({ id }))
    ).json();
    expect(read.result.band).toBe(body.result.band);

    const other = await makeOrg();
    const foreign = await getAssessmentRoute(
      call(`/api/v1/assessments/${id}`, await tokenFor(other, "owner")),
      params({ id }),
    );
    expect(foreign.status).toBe(404);
  });
});
