import { beforeAll, describe, expect, test } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as aggregatesRoute } from "@/app/api/v1/workshops/[id]/aggregates/route";
import { GET as answersRoute } from "@/app/api/v1/workshops/[id]/answers/route";
import { GET as getWorkshopRoute } from "@/app/api/v1/workshops/[id]/route";
import { POST as stateRoute } from "@/app/api/v1/workshops/[id]/state/route";
import {
  POST as createWorkshopRoute,
  GET as listWorkshopsRoute,
} from "@/app/api/v1/workshops/route";
import { listAuditEvents } from "@/db/queries/audit";
import { joinWorkshop, saveOwnAnswer } from "@/db/queries/workshop-participants";
import { listWorkshops } from "@/db/queries/workshops";
import { getQuestionBank } from "@/lib/domain/question-bank";
import { makeOrg, plainUseCase, type TestOrg } from "./fixtures";
import { call, noParams, params, tokenFor } from "./http";

const bank = getQuestionBank("v2")!;
const [q1] = bank.questions.filter((q) => q.dimensionId === "process" && !q.showIf);
const best = q1!.options.reduce((a, b) => (b.score > a.score ? b : a));
const worst = q1!.options.reduce((a, b) => (b.score < a.score ? b : a));

/** Thin wrappers over the route handlers, so each test reads like the HTTP calls it makes. */
function api(token: string, headers: Record<string, string> = {}) {
  return {
    create: (body: unknown, extra: Record<string, string> = {}) =>
      createWorkshopRoute(
        call("/api/v1/workshops", token, "POST", body, { ...headers, ...extra }),
        noParams,
      ),
    list: (query = "") => listWorkshopsRoute(call(`/api/v1/workshops${query}`, token), noParams),
    get: (id: string) =>
      getWorkshopRoute(
        call(`/api/v1/workshops/${id}`, token, "GET", undefined, headers),
        params({ id }),
      ),
    state: (id: string, body: unknown) =>
      stateRoute(
        call(`/api/v1/workshops/${id}/state`, token, "POST", body, headers),
        params({ id }),
      ),
    aggregates: (id: string) =>
      aggregatesRoute(
        call(`/api/v1/workshops/${id}/aggregates`, token, "GET", undefined, headers),
        params({ id }),
      ),
    answers: (id: string, query = "") =>
      answersRoute(
        call(`/api/v1/workshops/${id}/answers${query}`, token, "GET", undefined, headers),
        params({ id }),
      ),
  };
}

const address = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function input(org: TestOrg, overrides: Record<string, unknown> = {}) {
  const uc = await plainUseCase(org);
  return {
    useCaseId: uc.id,
    title: "Refunds kick-off",
    date: "2026-12-09",
    dimensions: ["process"],
    roleTags: ["Executive", "Operator"],
    ...overrides,
  };
}

describe("the workshop API", () => {
  let home: TestOrg;
  let other: TestOrg;
  let lead: string;
  let viewer: string;
  let intruder: string;
  beforeAll(async () => {
    home = await makeOrg();
    other = await makeOrg();
    lead = await tokenFor(home, "lead");
    viewer = await tokenFor(home, "viewer");
    intruder = await tokenFor(other, "owner");
  });

  test("a lead token creates a draft (201), lists and reads it; a contributor token may not", async () => {
    const res = await api(lead).create(await input(home));
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      state: "draft",
      version: 1,
      dimensions: ["process"],
      roleTags: ["Executive", "Operator"],
      anonymous: false,
      pace: "self_paced",
      participants: 0,
      closedAt: null,
    });
    expect(created.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const list = await (await api(viewer).list()).json();
    expect(list.data.map((w: { id: string }) => w.id)).toContain(created.id);
    const filtered = await (await api(viewer).list(`?useCaseId=${created.useCaseId}`)).json();
    expect(filtered.data.map((w: { id: string }) => w.id)).toEqual([created.id]);
    const read = await api(viewer).get(created.id);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(created);

    const contributor = await tokenFor(home, "contributor");
    const refused = await api(contributor).create(await input(home));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    const audit = await listAuditEvents(home.ctx.owner, { action: "workshop.created" });
    expect(audit.events.some((e) => e.entityId === created.id && e.actorType === "token")).toBe(
      true,
    );
  });

  test("invalid input is a 422 naming each field, and writes nothing", async () => {
    const before = (await listWorkshops(home.ctx.owner)).length;
    const res = await api(lead).create({
      useCaseId: "not-a-uuid",
      title: "x",
      date: "2026-02-30",
      dimensions: [],
      roleTags: ["ok", ""],
      anonymous: "yes",
    });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual(
      ["anonymous", "date", "dimensions", "roleTags.1", "title", "useCaseId"].sort(),
    );
    const unknownDimension = await api(lead).create(
      await input(home, { dimensions: ["astrology"] }),
    );
    expect(unknownDimension.status).toBe(422);
    expect(Object.keys((await unknownDimension.json()).error.fields)).toEqual(["dimensions"]);
    const badState = await api(lead).state((await listWorkshops(home.ctx.owner))[0]!.id, {
      to: "draft",
      version: 0,
    });
    expect(badState.status).toBe(422);
    expect(Object.keys((await badState.json()).error.fields).sort()).toEqual(["to", "version"]);
    expect((await listWorkshops(home.ctx.owner)).length).toBe(before);
  });

  test("the same Idempotency-Key replays the first workshop; another body with it is a 409", async () => {
    const body = await input(home);
    const key = { "idempotency-key": `ws-${body.useCaseId}` };
    const first = await api(lead).create(body, key);
    const again = await api(lead).create(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await again.json()).id).toBe((await first.json()).id);
    const changed = await api(lead).create({ ...body, title: "Another" }, key);
    expect(changed.status).toBe(409);
    expect(
      (await listWorkshops(home.ctx.owner, { useCaseId: body.useCaseId })).map((w) => w.title),
    ).toEqual(["Refunds kick-off"]);
  });

  test("state changes take the version last read: a stale one is a 409 that changes nothing", async () => {
    const w = await (await api(lead).create(await input(home))).json();
    const opened = await api(lead).state(w.id, { to: "open", version: w.version });
    expect(opened.status).toBe(200);
    const open = await opened.json();
    expect([open.state, open.version]).toEqual(["open", w.version + 1]);
    const stale = await api(lead).state(w.id, { to: "paused", version: w.version });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("conflict");
    const paused = await (
      await api(lead).state(w.id, { to: "paused", version: open.version })
    ).json();
    expect(paused.state).toBe("paused");
    const closed = await (
      await api(lead).state(w.id, { to: "closed", version: paused.version })
    ).json();
    expect(closed.state).toBe("closed");
    expect(closed.closedAt).not.toBeNull();
    const reopen = await api(lead).state(w.id, { to: "open", version: closed.version });
    expect(reopen.status).toBe(409);
    expect((await (await api(viewer).get(w.id)).json()).state).toBe("closed");
    expect((await api(viewer).state(w.id, { to: "open", version: closed.version })).status).toBe(
      403,
    );
  });

  test("another organisation's token gets 404 for every workshop operation, and changes nothing", async () => {
    const w = await (await api(lead).create(await input(home))).json();
    const them = api(intruder);
    for (const res of [
      await them.get(w.id),
      await them.state(w.id, { to: "open", version: w.version }),
      await them.aggregates(w.id),
      await them.answers(w.id),
      await them.answers(w.id, "?format=csv"),
      await them.get("not-a-uuid"),
    ]) {
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    const intoTheirUseCase = await them.create({ ...(await input(other)), useCaseId: w.useCaseId });
    expect(intoTheirUseCase.status).toBe(404);
    expect((await (await them.list()).json()).data.map((x: { id: string }) => x.id)).not.toContain(
      w.id,
    );
    expect((await (await api(viewer).get(w.id)).json()).state).toBe("draft");
  });

  test("aggregates and individual answers as JSON and CSV; anonymous ones carry numbers, never names", async () => {
    const named = await (await api(lead).create(await input(home))).json();
    const anon = await (await api(lead).create(await input(home, { anonymous: true }))).json();
    for (const w of [named, anon]) {
      await api(lead).state(w.id, { to: "open", version: w.version });
      const exec = await joinWorkshop({
        code: w.joinCode,
        displayName: "Erin Exec",
        roleTag: "Executive",
        user: null,
        address: address(),
      });
      const op = await joinWorkshop({
        code: w.joinCode,
        displayName: "Oscar Operator",
        roleTag: "Operator",
        user: null,
        address: address(),
      });
      await saveOwnAnswer(exec.participant, {
        questionId: q1!.id,
        optionId: best.id,
        dontKnow: false,
        comment: null,
      });
      await saveOwnAnswer(op.participant, {
        questionId: q1!.id,
        optionId: worst.id,
        dontKnow: false,
        comment: "We fix it by hand",
      });
    }

    const aggregates = await (await api(viewer).aggregates(named.id)).json();
    expect(aggregates.participants).toBe(2);
    const question = aggregates.questions.find(
      (q: { questionId: string }) => q.questionId === q1!.id,
    );
    expect(question.disagreement).toBeCloseTo(1, 10);
    expect(question.options.find((o: { optionId: string }) => o.optionId === best.id).count).toBe(
      1,
    );
    expect(
      question.byRole.map((r: { roleTag: string; scored: number }) => [r.roleTag, r.scored]),
    ).toEqual([
      ["Executive", 1],
      ["Operator", 1],
    ]);
    expect(aggregates.comments[0]).toMatchObject({ author: "Oscar Operator" });

    const json = await (await api(viewer).answers(named.id)).json();
    expect(json.data).toEqual([
      expect.objectContaining({ participant: 1, displayName: "Erin Exec", answer: best.label }),
      expect.objectContaining({
        participant: 2,
        displayName: "Oscar Operator",
        score: worst.score,
        comment: "We fix it by hand",
      }),
    ]);

    const anonAggregates = await (await api(viewer).aggregates(anon.id)).json();
    expect(anonAggregates.comments[0].author).toBe("Participant 2");
    expect(JSON.stringify(anonAggregates)).not.toContain("Oscar");
    const anonJson = await (await api(viewer).answers(anon.id)).json();
    expect(anonJson.data.map((a: { participant: number }) => a.participant)).toEqual([1, 2]);
    expect(JSON.stringify(anonJson)).not.toMatch(/Erin|Oscar/);

    const csv = await api(viewer).answers(anon.id, "?format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="${home.slug}-workshop-answers-\\d{4}-\\d\\d-\\d\\d\\.csv"`),
    );
    const text = await csv.text();
    const [header, ...rows] = text.trim().split(/\r?\n/);
    expect(header).toBe(
      "participant,role_tag,account,dimension,question_id,question,answer,score,comment,updated_at",
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^1,Executive,guest,/);
    expect(rows[1]).toMatch(/^2,Operator,guest,.*We fix it by hand/);
    expect(text).not.toMatch(/Erin|Oscar/);
    const namedCsv = await (await api(viewer).answers(named.id, "?format=csv")).text();
    expect(namedCsv.split(/\r?\n/)[0]).toMatch(/^participant,name,role_tag,/);
    expect(namedCsv).toContain("Oscar Operator");
    expect((await api(viewer).answers(named.id, "?format=xml")).status).toBe(422);
  });

  test("a participant's session never authorizes the API, as a cookie or as a bearer token", async () => {
    const w = await (await api(lead).create(await input(home))).json();
    await api(lead).state(w.id, { to: "open", version: w.version });
    const { token } = await joinWorkshop({
      code: w.joinCode,
      displayName: "Pat",
      roleTag: "Operator",
      user: null,
      address: address(),
    });
    const cookie = { cookie: `preflight-workshop=${token}` };
    for (const res of [
      await getWorkshopRoute(
        call(`/api/v1/workshops/${w.id}`, undefined, "GET", undefined, cookie),
        params({ id: w.id }),
      ),
      await answersRoute(
        call(`/api/v1/workshops/${w.id}/answers`, undefined, "GET", undefined, cookie),
        params({ id: w.id }),
      ),
      await api(token).get(w.id),
      await api(token).aggregates(w.id),
      await api(token).answers(w.id, "?format=csv"),
      await api(token).state(w.id, { to: "closed", version: w.version + 1 }),
      await api(token).list(),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
    expect((await (await api(viewer).get(w.id)).json()).state).toBe("open");
  });

  test("the OpenAPI document describes the workshop operations", async () => {
    const doc = await openapi().json();
    expect(doc.paths["/api/v1/workshops"].post.operationId).toBe("createWorkshop");
    expect(Object.keys(doc.paths["/api/v1/workshops"]).sort()).toEqual(["get", "post"]);
    expect(doc.paths["/api/v1/workshops/{id}"].get.responses["404"]).toBeDefined();
    expect(doc.paths["/api/v1/workshops/{id}/state"].post.responses["409"]).toBeDefined();
    expect(doc.paths["/api/v1/workshops/{id}/aggregates"].get.operationId).toBe(
      "getWorkshopAggregates",
    );
    const answers = doc.paths["/api/v1/workshops/{id}/answers"].get;
    expect(Object.keys(answers.responses["200"].content).sort()).toEqual([
      "application/json",
      "text/csv",
    ]);
    expect(answers.parameters.map((p: { name: string }) => p.name)).toContain("format");
    expect(doc.components.schemas.WorkshopStateChange.required.sort()).toEqual(["to", "version"]);
  });
});
