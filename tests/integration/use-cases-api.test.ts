import { describe, expect, test } from "vitest";
import { PUT as putAnswers } from "@/app/api/v1/assessments/[id]/answers/route";
import { GET as getAssessmentRoute } from "@/app/api/v1/assessments/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/assessments/[id]/submit/route";
import {
  GET as listAssessmentsRoute,
  POST as startAssessmentRoute,
} from "@/app/api/v1/assessments/route";
import { GET as questionBankRoute } from "@/app/api/v1/question-bank/route";
import {
  DELETE as deleteActionRoute,
  PATCH as patchActionRoute,
} from "@/app/api/v1/use-cases/[id]/actions/[actionId]/route";
import {
  POST as addActionRoute,
  GET as listActionsRoute,
} from "@/app/api/v1/use-cases/[id]/actions/route";
import {
  GET as getUseCaseRoute,
  PATCH as patchUseCaseRoute,
} from "@/app/api/v1/use-cases/[id]/route";
import { POST as createUseCaseRoute } from "@/app/api/v1/use-cases/route";
import { listAuditEvents } from "@/db/queries/audit";
import type { InventoryActionDto as Action } from "@/db/queries/inventory";
import { BANDS } from "@/lib/domain/scoring";
import { makeOrg } from "./fixtures";
import { call, noParams, params, tokenFor } from "./http";

const REFUND = {
  name: "Issue refund",
  system: "Stripe",
  access: "write",
  reversibility: "irreversible",
  blastRadius: "money",
  frequency: "daily",
};
const LOOKUP = {
  name: "Read the order",
  system: "Shopify",
  access: "read",
  reversibility: "reversible",
  blastRadius: "one_record",
  frequency: "continuous",
};

/** Thin wrappers over the route handlers, so each test reads like the HTTP calls it makes. */
function api(token: string) {
  return {
    createUseCase: async (body: unknown) =>
      createUseCaseRoute(call("/api/v1/use-cases", token, "POST", body), noParams),
    getUseCase: (id: string) =>
      getUseCaseRoute(call(`/api/v1/use-cases/${id}`, token), params({ id })),
    patchUseCase: (id: string, body: unknown) =>
      patchUseCaseRoute(call(`/api/v1/use-cases/${id}`, token, "PATCH", body), params({ id })),
    listActions: (id: string) =>
      listActionsRoute(call(`/api/v1/use-cases/${id}/actions`, token), params({ id })),
    addAction: (id: string, body: unknown) =>
      addActionRoute(call(`/api/v1/use-cases/${id}/actions`, token, "POST", body), params({ id })),
    patchAction: (id: string, actionId: string, body: unknown) =>
      patchActionRoute(
        call(`/api/v1/use-cases/${id}/actions/${actionId}`, token, "PATCH", body),
        params({ id, actionId }),
      ),
    deleteAction: (id: string, actionId: string, query = "") =>
      deleteActionRoute(
        call(`/api/v1/use-cases/${id}/actions/${actionId}${query}`, token, "DELETE"),
        params({ id, actionId }),
      ),
    listAssessments: (query = "") =>
      listAssessmentsRoute(call(`/api/v1/assessments${query}`, token), noParams),
    startAssessment: (useCaseId: string) =>
      startAssessmentRoute(call("/api/v1/assessments", token, "POST", { useCaseId }), noParams),
  };
}

async function newUseCase(token: string, name = "Refund triage"): Promise<{ id: string }> {
  const res = await api(token).createUseCase({ name, businessValue: 3, systems: ["Stripe"] });
  expect(res.status).toBe(201);
  return res.json();
}

async function actionsOf(token: string, useCaseId: string): Promise<Action[]> {
  const res = await api(token).listActions(useCaseId);
  expect(res.status).toBe(200);
  return (await res.json()).data;
}

describe("/api/v1/use-cases/{id}/actions", () => {
  test("list, add, patch and delete, each with its version and one audit row", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const c = api(token);
    const uc = await newUseCase(token);
    expect(await actionsOf(token, uc.id)).toEqual([]);

    const added = await c.addAction(uc.id, REFUND);
    expect(added.status).toBe(201);
    const refund: Action = await added.json();
    expect(refund).toEqual({ id: expect.any(String), ...REFUND, version: 1 });
    const lookup: Action = await (await c.addAction(uc.id, LOOKUP)).json();
    expect((await actionsOf(token, uc.id)).map((a) => a.name)).toEqual([
      "Issue refund",
      "Read the order",
    ]);

    const patched = await c.patchAction(uc.id, refund.id, { frequency: "hourly", version: 1 });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toEqual({ ...refund, frequency: "hourly", version: 2 });

    // Deleting needs the version as a query parameter; without it, a 422 names it.
    const missing = await c.deleteAction(uc.id, lookup.id);
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.fields).toHaveProperty("version");
    const removed = await c.deleteAction(uc.id, lookup.id, `?version=${lookup.version}`);
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe("");
    expect(await actionsOf(token, uc.id)).toEqual([{ ...refund, frequency: "hourly", version: 2 }]);
    expect((await c.deleteAction(uc.id, lookup.id, "?version=1")).status).toBe(404);

    const { events } = await listAuditEvents(org.ctx.owner, { entityType: "inventory_action" });
    expect(events.map((e) => `${e.action} ${e.entityId}`).reverse()).toEqual([
      `inventory_action.added ${refund.id}`,
      `inventory_action.added ${lookup.id}`,
      `inventory_action.updated ${refund.id}`,
      `inventory_action.removed ${lookup.id}`,
    ]);
    const update = events.find((e) => e.action === "inventory_action.updated")!;
    expect(update.before).toMatchObject({ useCaseId: uc.id, frequency: "daily" });
    expect(update.after).toMatchObject({ useCaseId: uc.id, frequency: "hourly" });
  });

  test("a stale version is a 409 with the action as it is now, and changes nothing", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "lead");
    const c = api(token);
    const uc = await newUseCase(token);
    const refund: Action = await (await c.addAction(uc.id, REFUND)).json();
    const current = { ...refund, name: "Refund an order", version: 2 };
    expect((await c.patchAction(uc.id, refund.id, { name: current.name, version: 1 })).status).toBe(
      200,
    );

    const stalePatch = await c.patchAction(uc.id, refund.id, {
      blastRadius: "one_customer",
      version: 1,
    });
    expect(stalePatch.status).toBe(409);
    const patchError = (await stalePatch.json()).error;
    expect(patchError.code).toBe("conflict");
    expect(patchError.message).toMatch(/changed .*version 2/);
    expect(patchError.current).toEqual(current);

    const staleDelete = await c.deleteAction(uc.id, refund.id, "?version=1");
    expect(staleDelete.status).toBe(409);
    expect((await staleDelete.json()).error.current).toEqual(current);

    expect(await actionsOf(token, uc.id)).toEqual([current]);
    const { events } = await listAuditEvents(org.ctx.owner, { entityType: "inventory_action" });
    expect(events.map((e) => e.action).sort()).toEqual([
      "inventory_action.added",
      "inventory_action.updated",
    ]);
  });

  test("of two edits sent at once with the same version, exactly one wins", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const c = api(token);
    const uc = await newUseCase(token);
    const refund: Action = await (await c.addAction(uc.id, REFUND)).json();
    const statuses = await Promise.all(
      ["Refund A", "Refund B"].map(async (name) => {
        const res = await c.patchAction(uc.id, refund.id, { name, version: 1 });
        return res.status;
      }),
    );
    expect(statuses.sort()).toEqual([200, 409]);
    const [after] = await actionsOf(token, uc.id);
    expect(after!.version).toBe(2);
    expect(["Refund A", "Refund B"]).toContain(after!.name);
  });

  test("invalid bodies are 422s naming each wrong field; malformed JSON is a 400; nothing is written", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const c = api(token);
    const uc = await newUseCase(token);
    const refund: Action = await (await c.addAction(uc.id, REFUND)).json();

    const bad = await c.addAction(uc.id, { name: "x", access: "delete", frequency: "weekly" });
    expect(bad.status).toBe(422);
    const { error } = await bad.json();
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields).sort()).toEqual([
      "access",
      "blastRadius",
      "frequency",
      "name",
      "reversibility",
      "system",
    ]);
    expect(error.fields.access).toEqual(["Choose read or write."]);

    const badPatch = await c.patchAction(uc.id, refund.id, { reversibility: "maybe", version: 1 });
    expect(badPatch.status).toBe(422);
    expect(Object.keys((await badPatch.json()).error.fields)).toEqual(["reversibility"]);
    const noVersion = await c.patchAction(uc.id, refund.id, { name: "Refund" });
    expect(noVersion.status).toBe(422);
    expect(Object.keys((await noVersion.json()).error.fields)).toEqual(["version"]);
    expect((await c.patchAction(uc.id, refund.id, { version: 1 })).status).toBe(422);
    expect((await c.deleteAction(uc.id, refund.id, "?version=first")).status).toBe(422);
    expect((await c.addAction(uc.id, "{not json")).status).toBe(400);

    expect(await actionsOf(token, uc.id)).toEqual([refund]);
  });

  test("another organisation's token gets 404; a viewer token reads but cannot write", async () => {
    const org = await makeOrg();
    const lead = await tokenFor(org, "lead");
    const uc = await newUseCase(lead);
    const sibling = await newUseCase(lead, "Sibling");
    const refund: Action = await (await api(lead).addAction(uc.id, REFUND)).json();

    const other = await makeOrg();
    const foreign = api(await tokenFor(other, "owner"));
    expect((await foreign.listActions(uc.id)).status).toBe(404);
    expect((await foreign.addAction(uc.id, LOOKUP)).status).toBe(404);
    expect((await foreign.patchAction(uc.id, refund.id, { name: "Mine", version: 1 })).status).toBe(
      404,
    );
    expect((await foreign.deleteAction(uc.id, refund.id, "?version=1")).status).toBe(404);
    expect((await foreign.getUseCase(uc.id)).status).toBe(404);
    expect((await foreign.patchUseCase(uc.id, { name: "Mine", version: 1 })).status).toBe(404);
    const notFound = await foreign.listActions(uc.id);
    expect((await notFound.json()).error.code).toBe("not_found");

    // An action is reached only through its own use case; a malformed id is simply not found.
    const own = api(lead);
    expect(
      (await own.patchAction(sibling.id, refund.id, { name: "Moved", version: 1 })).status,
    ).toBe(404);
    expect((await own.deleteAction(sibling.id, refund.id, "?version=1")).status).toBe(404);
    expect((await own.listActions("not-a-uuid")).status).toBe(404);
    expect((await own.patchAction(uc.id, "not-a-uuid", { name: "X1", version: 1 })).status).toBe(
      404,
    );

    const viewer = api(await tokenFor(org, "viewer"));
    expect(await actionsOf(await tokenFor(org, "viewer"), uc.id)).toEqual([refund]);
    expect((await viewer.getUseCase(uc.id)).status).toBe(200);
    const refused = await viewer.addAction(uc.id, LOOKUP);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("forbidden");
    expect(
      (await viewer.patchAction(uc.id, refund.id, { name: "Viewed", version: 1 })).status,
    ).toBe(403);
    expect((await viewer.deleteAction(uc.id, refund.id, "?version=1")).status).toBe(403);
    expect((await viewer.patchUseCase(uc.id, { name: "Viewed", version: 1 })).status).toBe(403);

    expect(await actionsOf(lead, uc.id)).toEqual([refund]);
    expect(await actionsOf(lead, sibling.id)).toEqual([]);
    expect((await (await own.getUseCase(uc.id)).json()).name).toBe("Refund triage");
  });
});

describe("/api/v1/use-cases/{id}", () => {
  test("GET returns the fields and version; PATCH changes only what it names and refuses a stale version", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const c = api(token);
    const created = await (
      await c.createUseCase({
        name: "Ticket routing",
        description: "Routes inbound tickets",
        businessValue: 3,
        systems: ["Zendesk"],
      })
    ).json();

    const read = await c.getUseCase(created.id);
    expect(read.status).toBe(200);
    const useCase = await read.json();
    expect(useCase).toEqual(created);
    expect(useCase).toMatchObject({
      name: "Ticket routing",
      description: "Routes inbound tickets",
      ownerId: null,
      businessValue: 3,
      annualValue: null,
      systems: ["Zendesk"],
      status: "candidate",
      version: 1,
    });

    const patched = await c.patchUseCase(created.id, {
      name: "Ticket triage",
      ownerId: org.users.lead.id,
      annualValue: 120000,
      systems: ["Zendesk", "Slack"],
      status: "assessing",
      version: 1,
    });
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(after).toMatchObject({
      name: "Ticket triage",
      description: "Routes inbound tickets",
      ownerId: org.users.lead.id,
      ownerName: org.users.lead.name,
      businessValue: 3,
      annualValue: 120000,
      systems: ["Zendesk", "Slack"],
      status: "assessing",
      version: 2,
    });

    const stale = await c.patchUseCase(created.id, { businessValue: 5, version: 1 });
    expect(stale.status).toBe(409);
    const staleError = (await stale.json()).error;
    expect(staleError.code).toBe("conflict");
    expect(staleError.current.version).toBe(2);
    expect(await (await c.getUseCase(created.id)).json()).toEqual(after);

    const invalid = await c.patchUseCase(created.id, {
      businessValue: 9,
      status: "flying",
      systems: "Zendesk",
      version: 2,
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual([
      "businessValue",
      "status",
      "systems",
    ]);
    const outsider = (await makeOrg()).users.owner;
    const notMember = await c.patchUseCase(created.id, { ownerId: outsider.id, version: 2 });
    expect(notMember.status).toBe(422);
    expect((await notMember.json()).error.fields).toHaveProperty("ownerId");
    expect((await c.patchUseCase(created.id, { version: 2 })).status).toBe(422);
    expect(await (await c.getUseCase(created.id)).json()).toEqual(after);

    const { events } = await listAuditEvents(org.ctx.owner, { entityType: "use_case" });
    expect(events.map((e) => e.action)).toEqual(["use_case.updated", "use_case.created"]);
    expect(events[0]!.before).toMatchObject({ name: "Ticket routing", status: "candidate" });
    expect(events[0]!.after).toMatchObject({ name: "Ticket triage", status: "assessing" });
  });
});

describe("GET /api/v1/assessments", () => {
  test("filters by use case; a malformed id is a 422, another organisation's an empty list", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const c = api(token);
    const first = await newUseCase(token, "First");
    const second = await newUseCase(token, "Second");
    const a1 = await (await c.startAssessment(first.id)).json();
    const a2 = await (await c.startAssessment(second.id)).json();

    const all = await (await c.listAssessments()).json();
    expect(all.data.map((a: { id: string }) => a.id).sort()).toEqual([a1.id, a2.id].sort());

    const one = await c.listAssessments(`?useCaseId=${first.id}`);
    expect(one.status).toBe(200);
    const body = await one.json();
    expect(body.data).toEqual([
      {
        id: a1.id,
        useCaseId: first.id,
        useCaseName: "First",
        bankVersion: a1.bankVersion,
        status: "in_progress",
        overall: null,
        band: null,
        confidence: null,
        answered: 0,
        createdBy: null,
        createdAt: expect.any(String),
        submittedAt: null,
      },
    ]);
    expect(
      (await (await c.listAssessments(`?useCaseId=${second.id}&status=submitted`)).json()).data,
    ).toEqual([]);

    const malformed = await c.listAssessments("?useCaseId=first");
    expect(malformed.status).toBe(422);
    expect((await malformed.json()).error.fields).toHaveProperty("useCaseId");
    expect((await c.listAssessments("?status=done")).status).toBe(422);

    const foreign = api(await tokenFor(await makeOrg(), "owner"));
    const theirs = await foreign.listAssessments(`?useCaseId=${first.id}`);
    expect(theirs.status).toBe(200);
    expect((await theirs.json()).data).toEqual([]);
    expect((await (await foreign.listAssessments()).json()).data).toEqual([]);

    const viewer = api(await tokenFor(org, "viewer"));
    expect((await (await viewer.listAssessments(`?useCaseId=${second.id}`)).json()).data).toEqual([
      expect.objectContaining({ id: a2.id }),
    ]);
  });
});

type Question = { id: string; options: { id: string }[] };
type AnswersSaved = { answers: { questionId: string }[]; applicable: string[] };

describe("end to end over the API", () => {
  test("use case and inventory, assessment on the bank it names, every applicable question answered, submitted and read back", async () => {
    const org = await makeOrg();
    const token = await tokenFor(org, "contributor");
    const c = api(token);

    // The use case and its inventory.
    const uc = await newUseCase(token, "Refunds end to end");
    for (const action of [REFUND, LOOKUP]) {
      expect((await c.addAction(uc.id, action)).status).toBe(201);
    }
    expect((await actionsOf(token, uc.id)).map((a) => a.name)).toEqual([REFUND.name, LOOKUP.name]);

    // The assessment names its question bank; fetch exactly that version.
    const started = await c.startAssessment(uc.id);
    expect(started.status).toBe(201);
    const assessment = await started.json();
    expect(assessment.status).toBe("in_progress");
    const bankRes = await questionBankRoute(
      call(`/api/v1/question-bank?version=${encodeURIComponent(assessment.bankVersion)}`, token),
      noParams,
    );
    expect(bankRes.status).toBe(200);
    const bank: { version: string; questions: Question[] } = await bankRes.json();
    expect(bank.version).toBe(assessment.bankVersion);
    const questions = new Map(bank.questions.map((q) => [q.id, q]));

    // Answer one question at a time with its first option, re-reading what applies after each
    // save: answers and the inventory can bring follow-up questions in (or take them out).
    let applicable: string[] = assessment.applicable;
    const answered = new Set<string>();
    expect(applicable.length).toBeGreaterThan(0);
    for (let saves = 0; ; saves++) {
      expect(saves).toBeLessThanOrEqual(bank.questions.length);
      const next = applicable.find((id) => !answered.has(id));
      if (!next) break;
      const question = questions.get(next);
      expect(question, `applicable question ${next} is in bank ${bank.version}`).toBeDefined();
      const res = await putAnswers(
        call(`/api/v1/assessments/${assessment.id}/answers`, token, "PUT", {
          answers: [{ questionId: next, optionId: question!.options[0]!.id }],
        }),
        params({ id: assessment.id }),
      );
      expect(res.status).toBe(200);
      const saved: AnswersSaved = await res.json();
      for (const a of saved.answers) answered.add(a.questionId);
      applicable = saved.applicable;
    }
    expect(applicable.every((id) => answered.has(id))).toBe(true);
    expect(answered.size).toBeGreaterThanOrEqual(assessment.applicable.length);

    const before = await (
      await getAssessmentRoute(
        call(`/api/v1/assessments/${assessment.id}`, token),
        params({ id: assessment.id }),
      )
    ).json();
    expect(before.applicable.sort()).toEqual([...applicable].sort());
    expect(before.result.counts.unanswered).toBe(0);

    // Submit, then read the frozen result back two ways.
    const submitted = await submitRoute(
      call(`/api/v1/assessments/${assessment.id}/submit`, token, "POST"),
      params({ id: assessment.id }),
    );
    expect(submitted.status).toBe(200);
    const result = await submitted.json();
    expect(result.status).toBe("submitted");
    expect(result.submittedAt).toEqual(expect.any(String));
    expect(BANDS).toContain(result.result.band);
    expect(result.result.overall).toBeGreaterThanOrEqual(0);
    expect(result.result.overall).toBeLessThanOrEqual(100);
    expect(result.result.counts).toMatchObject({
      applicable: applicable.length,
      answered: applicable.length,
      dontKnow: 0,
      unanswered: 0,
    });

    const readBack = await (
      await getAssessmentRoute(
        call(`/api/v1/assessments/${assessment.id}`, token),
        params({ id: assessment.id }),
      )
    ).json();
    expect(readBack.status).toBe("submitted");
    expect(readBack.result).toEqual(result.result);
    const listed = await (await c.listAssessments(`?useCaseId=${uc.id}`)).json();
    expect(listed.data).toEqual([
      expect.objectContaining({
        id: assessment.id,
        status: "submitted",
        band: result.result.band,
        overall: Math.round(result.result.overall),
        answered: answered.size,
      }),
    ]);

    // Every assessment is submitted: the inventory stays editable, and the submitted
    // assessment keeps the inventory and result it was scored with.
    const [refund, lookup] = await actionsOf(token, uc.id);
    const extra = await c.addAction(uc.id, {
      ...LOOKUP,
      name: "Email the customer",
      access: "write",
    });
    expect(extra.status).toBe(201);
    expect(
      (
        await c.patchAction(uc.id, refund!.id, {
          blastRadius: "many_customers",
          version: refund!.version,
        })
      ).status,
    ).toBe(200);
    expect((await c.deleteAction(uc.id, lookup!.id, `?version=${lookup!.version}`)).status).toBe(
      204,
    );
    expect((await actionsOf(token, uc.id)).map((a) => a.name)).toEqual([
      REFUND.name,
      "Email the customer",
    ]);
    const frozen = await (
      await getAssessmentRoute(
        call(`/api/v1/assessments/${assessment.id}`, token),
        params({ id: assessment.id }),
      )
    ).json();
    expect(frozen.result).toEqual(result.result);
  });
});
