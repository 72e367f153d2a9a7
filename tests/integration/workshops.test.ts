import { beforeAll, describe, expect, test } from "vitest";
import { getAssessment, submitAssessment } from "@/db/queries/assessments";
import { listAuditEvents } from "@/db/queries/audit";
import { addInventoryAction } from "@/db/queries/inventory";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import {
  findWorkshopByCode,
  getParticipantSession,
  getParticipantView,
  JOIN_CODE_LIMITS,
  joinWorkshop,
  listOwnAnswers,
  saveOwnAnswer,
} from "@/db/queries/workshop-participants";
import {
  convertWorkshopToAssessment,
  createWorkshop,
  getRoomDisagreements,
  getWorkshop,
  getWorkshopLive,
  leadWorkshopTo,
  listConsensus,
  listWorkshopAnswers,
  listWorkshopParticipants,
  listWorkshops,
  recordConsensus,
  setWorkshopState,
  updateWorkshop,
} from "@/db/queries/workshops";
import { getQuestionBank } from "@/lib/domain/question-bank";
import { MAX_WORKSHOP_PARTICIPANTS, type WorkshopInput } from "@/lib/domain/workshops";
import { READ_TICKET_ACTION } from "@/scripts/lib/sample-actions";
import { makeOrg, outcome, plainUseCase, startPilotOf, type TestOrg, uniq } from "./fixtures";

const bank = getQuestionBank("v2")!;
const processQuestions = bank.questions.filter((q) => q.dimensionId === "process" && !q.showIf);
const [q1, q2] = processQuestions as [(typeof processQuestions)[0], (typeof processQuestions)[0]];
const best = (q: typeof q1) => q.options.reduce((a, b) => (b.score > a.score ? b : a)).id;
const worst = (q: typeof q1) => q.options.reduce((a, b) => (b.score < a.score ? b : a)).id;

/** A fresh client address per call, so tests do not share rate-limit counters. */
const address = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function openWorkshop(org: TestOrg, overrides: Partial<WorkshopInput> = {}) {
  const uc = await plainUseCase(org, `Refunds ${uniq()}`);
  const w = await createWorkshop(org.ctx.lead, {
    useCaseId: uc.id,
    title: "Refunds kick-off",
    date: "2026-12-09",
    dimensions: ["process", "data"],
    roleTags: ["Executive", "Operator"],
    anonymous: false,
    pace: "self_paced",
    ...overrides,
  });
  return setWorkshopState(org.ctx.lead, w.id, "open", w.version);
}

const guest = (code: string, name: string, roleTag: string | null = "Operator") =>
  joinWorkshop({ code, displayName: name, roleTag, user: null, address: address() });

describe("workshops, facilitator side", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeOrg();
  });

  test("a lead sets a workshop up as a draft with a join code; every role reads it; audited", async () => {
    const w = await openWorkshop(org);
    expect(w.state).toBe("open");
    expect(w.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(w.dimensions).toEqual(["process", "data"]);
    expect((await listWorkshops(org.ctx.viewer)).map((x) => x.id)).toContain(w.id);
    expect((await getWorkshop(org.ctx.viewer, w.id)).title).toBe("Refunds kick-off");
    const actions = (await listAuditEvents(org.ctx.owner, { entityType: "workshop" })).events.map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["workshop.created", "workshop.opened"]));
  });

  test("contributors and viewers cannot set up or change a workshop", async () => {
    const w = await openWorkshop(org);
    const input = {
      title: "Hijack",
      date: "2026-12-10",
      dimensions: w.dimensions,
      roleTags: [],
      anonymous: false,
      pace: "self_paced" as const,
      version: w.version,
    };
    for (const role of ["contributor", "viewer"] as const) {
      expect(await outcome(setWorkshopState(org.ctx[role], w.id, "closed", w.version))).toBe(
        "forbidden",
      );
      expect(await outcome(updateWorkshop(org.ctx[role], w.id, input))).toBe("forbidden");
      expect(
        await outcome(createWorkshop(org.ctx[role], { ...input, useCaseId: w.useCaseId })),
      ).toBe("forbidden");
      expect(await outcome(leadWorkshopTo(org.ctx[role], w.id, "process"))).toBe("forbidden");
    }
  });

  test("state changes follow the allowed transitions; dimensions are fixed once opened", async () => {
    const w = await openWorkshop(org);
    expect(await outcome(setWorkshopState(org.ctx.lead, w.id, "draft", w.version))).toBe(
      "conflict",
    );
    expect(await outcome(setWorkshopState(org.ctx.lead, w.id, "paused", w.version - 1))).toBe(
      "conflict",
    );
    expect(
      await outcome(
        updateWorkshop(org.ctx.lead, w.id, {
          title: w.title,
          date: w.date,
          dimensions: ["process"],
          roleTags: w.roleTags,
          anonymous: false,
          pace: "led",
          version: w.version,
        }),
      ),
    ).toBe("invalid_input");
    const led = await leadWorkshopTo(org.ctx.lead, w.id, "data");
    expect(led.currentDimension).toBe("data");
    expect(await outcome(leadWorkshopTo(org.ctx.lead, w.id, "governance"))).toBe("invalid_input");
    const closed = await setWorkshopState(org.ctx.lead, w.id, "closed", led.version);
    expect(closed.closedAt).not.toBeNull();
    expect(await outcome(setWorkshopState(org.ctx.lead, w.id, "open", closed.version))).toBe(
      "conflict",
    );
  });
});

describe("workshops, participant side", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeOrg();
  });

  test("joining is refused unless the workshop is open, and for a role tag it does not have", async () => {
    const uc = await plainUseCase(org, "Draft case");
    const draft = await createWorkshop(org.ctx.lead, {
      useCaseId: uc.id,
      title: "Draft",
      date: "2026-12-09",
      dimensions: ["process"],
      roleTags: ["Executive"],
      anonymous: false,
      pace: "self_paced",
    });
    expect(await outcome(guest(draft.joinCode, "Sam", "Executive"))).toBe("conflict");
    const open = await setWorkshopState(org.ctx.lead, draft.id, "open", draft.version);
    expect(await outcome(guest(draft.joinCode, "Sam", "Astronaut"))).toBe("invalid_input");
    expect(await outcome(guest(draft.joinCode, "Sam", null))).toBe("invalid_input");
    expect(await outcome(guest(draft.joinCode.toLowerCase(), "Sam", "Executive"))).toBe("ok");
    await setWorkshopState(org.ctx.lead, draft.id, "paused", open.version);
    expect(await outcome(guest(draft.joinCode, "Late", "Executive"))).toBe("conflict");
  });

  test("a participant reads and writes only its own answers in its own workshop", async () => {
    const w = await openWorkshop(org);
    const other = await openWorkshop(org);
    const a = await guest(w.joinCode, "Ana", "Executive");
    const b = await guest(w.joinCode, "Ben", "Operator");
    const c = await guest(other.joinCode, "Cy", "Operator");
    expect(a.token).not.toBe(b.token);
    const session = await getParticipantSession(a.token);
    expect(session).toEqual(a.participant);

    await saveOwnAnswer(a.participant, {
      questionId: q1.id,
      optionId: best(q1),
      dontKnow: false,
      comment: "We wrote it down last year",
    });
    await saveOwnAnswer(b.participant, {
      questionId: q1.id,
      optionId: worst(q1),
      dontKnow: false,
      comment: null,
    });
    await saveOwnAnswer(c.participant, {
      questionId: q1.id,
      optionId: null,
      dontKnow: true,
      comment: null,
    });

    // Each sees its own answer only.
    expect(await listOwnAnswers(a.participant)).toEqual([
      {
        questionId: q1.id,
        optionId: best(q1),
        dontKnow: false,
        comment: "We wrote it down last year",
      },
    ]);
    expect((await listOwnAnswers(b.participant)).map((x) => x.optionId)).toEqual([worst(q1)]);
    const view = await getParticipantView(a.participant);
    expect(view.answers).toHaveLength(1);
    expect(view.workshopTitle).toBe("Refunds kick-off");
    expect(view.questions.every((q) => ["process", "data"].includes(q.dimensionId))).toBe(true);
    // Nothing of the organisation: the view's keys are the workshop's, no ids, no use case.
    expect(Object.keys(view).sort()).toEqual(
      [
        "answers",
        "currentDimension",
        "dimensions",
        "displayName",
        "joinCode",
        "pace",
        "questions",
        "roleTag",
        "state",
        "workshopTitle",
      ].sort(),
    );
    expect(JSON.stringify(view)).not.toContain(w.useCaseName);
    expect(JSON.stringify(view)).not.toContain(w.id);

    // A forged context mixing a participant with another workshop reaches nothing.
    const forged = { participantId: a.participant.participantId, workshopId: other.id };
    expect(await listOwnAnswers(forged)).toEqual([]);
    expect(await outcome(getParticipantView(forged))).toBe("not_found");
    expect(
      await outcome(
        saveOwnAnswer(forged, {
          questionId: q1.id,
          optionId: best(q1),
          dontKnow: false,
          comment: null,
        }),
      ),
    ).toBe("not_found");

    // A question outside the workshop, or an option outside the question, is refused.
    const governance = bank.questions.find((q) => q.dimensionId === "governance")!;
    expect(
      await outcome(
        saveOwnAnswer(a.participant, {
          questionId: governance.id,
          optionId: best(governance),
          dontKnow: false,
          comment: null,
        }),
      ),
    ).toBe("not_found");
    expect(
      await outcome(
        saveOwnAnswer(a.participant, {
          questionId: q2.id,
          optionId: "nope",
          dontKnow: false,
          comment: null,
        }),
      ),
    ).toBe("invalid_input");

    // A bad or foreign token is no session.
    expect(await getParticipantSession("pws_not-a-token")).toBeNull();
    expect(await getParticipantSession(undefined)).toBeNull();
  });

  test("a paused or closed workshop refuses answers; closing ends every session", async () => {
    const w = await openWorkshop(org);
    const a = await guest(w.joinCode, "Ana", "Executive");
    const answer = { questionId: q1.id, optionId: best(q1), dontKnow: false, comment: null };
    const paused = await setWorkshopState(org.ctx.lead, w.id, "paused", w.version);
    expect(await outcome(saveOwnAnswer(a.participant, answer))).toBe("conflict");
    const reopened = await setWorkshopState(org.ctx.lead, w.id, "open", paused.version);
    expect(await outcome(saveOwnAnswer(a.participant, answer))).toBe("ok");
    await setWorkshopState(org.ctx.lead, w.id, "closed", reopened.version);
    expect(await outcome(saveOwnAnswer(a.participant, answer))).toBe("conflict");
    expect(await getParticipantSession(a.token)).toBeNull();
    expect(await outcome(guest(w.joinCode, "Late"))).toBe("conflict");
  });

  test("the 51st participant is refused, even when joining at once", async () => {
    const w = await openWorkshop(org);
    const results = await Promise.all(
      Array.from({ length: MAX_WORKSHOP_PARTICIPANTS + 3 }, (_, i) =>
        outcome(guest(w.joinCode, `P${i}`)),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(MAX_WORKSHOP_PARTICIPANTS);
    expect(results.filter((r) => r !== "ok")).toEqual(["conflict", "conflict", "conflict"]);
    expect((await getWorkshop(org.ctx.viewer, w.id)).participants).toBe(MAX_WORKSHOP_PARTICIPANTS);
  });

  test("a member joining again keeps one participant", async () => {
    const w = await openWorkshop(org);
    const user = { id: org.users.contributor.id, label: org.users.contributor.email };
    const first = await joinWorkshop({
      code: w.joinCode,
      displayName: "C",
      roleTag: "Operator",
      user,
      address: address(),
    });
    const again = await joinWorkshop({
      code: w.joinCode,
      displayName: "C",
      roleTag: "Executive",
      user,
      address: address(),
    });
    expect(again.participant).toEqual(first.participant);
    expect(await getParticipantSession(first.token)).toBeNull();
    expect(await getParticipantSession(again.token)).toEqual(first.participant);
    const people = await listWorkshopParticipants(org.ctx.viewer, w.id);
    expect(people).toEqual([
      expect.objectContaining({ number: 1, roleTag: "Executive", member: true }),
    ]);
  });

  test("guessing codes is rate-limited per address; a right code does not count", async () => {
    const w = await openWorkshop(org);
    const from = address();
    for (let i = 0; i < 3; i++) {
      expect(await outcome(findWorkshopByCode(w.joinCode, from))).toBe("ok");
    }
    const wrong = w.joinCode.startsWith("2")
      ? `3${w.joinCode.slice(1)}`
      : `2${w.joinCode.slice(1)}`;
    const seen: string[] = [];
    for (let i = 0; i < JOIN_CODE_LIMITS.perAddress + 2; i++) {
      seen.push(await outcome(findWorkshopByCode(wrong, from)));
    }
    expect(seen.slice(0, JOIN_CODE_LIMITS.perAddress).every((s) => s === "not_found")).toBe(true);
    expect(seen.slice(JOIN_CODE_LIMITS.perAddress)).toEqual(["rate_limited", "rate_limited"]);
    // Even the right code now waits, from that address; another address is not held up.
    expect(await outcome(findWorkshopByCode(w.joinCode, from))).toBe("rate_limited");
    expect(await outcome(findWorkshopByCode(w.joinCode, address()))).toBe("ok");
  });

  test("a room on one address joining at once is never refused: right codes are not guesses", async () => {
    const w = await openWorkshop(org);
    const from = address();
    const seen = await Promise.all(
      Array.from({ length: JOIN_CODE_LIMITS.perAddress * 3 }, () =>
        outcome(findWorkshopByCode(w.joinCode, from)),
      ),
    );
    expect(seen.every((s) => s === "ok")).toBe(true);
    // The address's guesses are all still there to spend on typos.
    const wrong = w.joinCode.startsWith("2")
      ? `3${w.joinCode.slice(1)}`
      : `2${w.joinCode.slice(1)}`;
    expect(await outcome(findWorkshopByCode(wrong, from))).toBe("not_found");
  });
});

describe("the live view", () => {
  test("aggregates equal the stored answers, split by role tag, with comments", async () => {
    const org = await makeOrg();
    const w = await openWorkshop(org, { roleTags: ["Executive", "Operator", "Risk"] });
    const execs = await Promise.all([
      guest(w.joinCode, "E1", "Executive"),
      guest(w.joinCode, "E2", "Executive"),
    ]);
    const ops = await Promise.all([
      guest(w.joinCode, "O1", "Operator"),
      guest(w.joinCode, "O2", "Operator"),
    ]);
    for (const e of execs) {
      await saveOwnAnswer(e.participant, {
        questionId: q1.id,
        optionId: best(q1),
        dontKnow: false,
        comment: null,
      });
    }
    await saveOwnAnswer(ops[0]!.participant, {
      questionId: q1.id,
      optionId: worst(q1),
      dontKnow: false,
      comment: "We fix it by hand",
    });
    await saveOwnAnswer(ops[1]!.participant, {
      questionId: q1.id,
      optionId: null,
      dontKnow: true,
      comment: null,
    });
    // A change of mind replaces the answer.
    await saveOwnAnswer(ops[1]!.participant, {
      questionId: q1.id,
      optionId: worst(q1),
      dontKnow: false,
      comment: null,
    });
    await saveOwnAnswer(ops[1]!.participant, {
      questionId: q2.id,
      optionId: null,
      dontKnow: true,
      comment: null,
    });

    const live = await getWorkshopLive(org.ctx.viewer, w.id);
    expect(live.participants).toBe(4);
    const first = live.questions.find((q) => q.questionId === q1.id)!;
    expect(first.options.find((o) => o.optionId === best(q1))?.count).toBe(2);
    expect(first.options.find((o) => o.optionId === worst(q1))?.count).toBe(2);
    expect(first.dontKnow).toBe(0);
    expect(first.disagreement).toBeCloseTo(1, 10);
    expect(first.byRole.map((r) => [r.roleTag, r.scored, r.disagreement])).toEqual([
      ["Executive", 2, 0],
      ["Operator", 2, 0],
      ["Risk", 0, null],
    ]);
    const second = live.questions.find((q) => q.questionId === q2.id)!;
    expect([second.scored, second.dontKnow, second.disagreement]).toEqual([0, 1, null]);
    const total = live.questions.reduce((s, q) => s + q.scored + q.dontKnow, 0);
    expect(total).toBe(5);
    expect(live.progress.find((p) => p.dimensionId === "process")).toMatchObject({ answered: 5 });
    expect(live.heatMap.find((r) => r.dimensionId === "process")?.cells[0]).toMatchObject({
      roleTag: "Executive",
      divergence: 1,
    });
    expect(live.comments).toEqual([
      expect.objectContaining({
        questionId: q1.id,
        author: "O1",
        roleTag: "Operator",
        comment: "We fix it by hand",
      }),
    ]);
    expect(live.lastAnswerAt).not.toBeNull();
  });

  test("an anonymous workshop shows participant numbers, never names", async () => {
    const org = await makeOrg();
    const w = await openWorkshop(org, { anonymous: true });
    const a = await guest(w.joinCode, "Secret Name");
    await saveOwnAnswer(a.participant, {
      questionId: q1.id,
      optionId: best(q1),
      dontKnow: false,
      comment: "hm",
    });
    const live = await getWorkshopLive(org.ctx.owner, w.id);
    expect(live.comments[0]?.author).toBe("Participant 1");
    expect((await listWorkshopParticipants(org.ctx.owner, w.id))[0]?.displayName).toBeNull();
    expect(JSON.stringify(live)).not.toContain("Secret Name");
    const rows = await listWorkshopAnswers(org.ctx.viewer, w.id);
    expect(rows).toEqual([
      expect.objectContaining({
        participant: 1,
        displayName: null,
        questionId: q1.id,
        score: 4,
        comment: "hm",
      }),
    ]);
    const joined = (await listAuditEvents(org.ctx.owner, { action: "workshop.joined" })).events;
    expect(JSON.stringify(joined)).not.toContain("Secret Name");
  });

  test("another organisation sees nothing of a workshop", async () => {
    const home = await makeOrg();
    const other = await makeOrg();
    const w = await openWorkshop(home);
    expect((await listWorkshops(other.ctx.owner)).map((x) => x.id)).not.toContain(w.id);
    expect(await outcome(getWorkshop(other.ctx.owner, w.id))).toBe("not_found");
    expect(await outcome(getWorkshopLive(other.ctx.owner, w.id))).toBe("not_found");
    expect(await outcome(listWorkshopParticipants(other.ctx.owner, w.id))).toBe("not_found");
    expect(await outcome(listWorkshopAnswers(other.ctx.owner, w.id))).toBe("not_found");
    expect(await outcome(setWorkshopState(other.ctx.owner, w.id, "closed", w.version))).toBe(
      "not_found",
    );
    expect(await outcome(leadWorkshopTo(other.ctx.owner, w.id, "process"))).toBe("not_found");
    expect(
      await outcome(
        updateWorkshop(other.ctx.owner, w.id, {
          title: "Hijacked",
          date: w.date,
          dimensions: w.dimensions,
          roleTags: [],
          anonymous: false,
          pace: "self_paced",
          version: w.version,
        }),
      ),
    ).toBe("not_found");
    expect(
      await outcome(
        createWorkshop(other.ctx.owner, {
          useCaseId: w.useCaseId,
          title: "Into their use case",
          date: w.date,
          dimensions: ["process"],
          roleTags: [],
          anonymous: false,
          pace: "self_paced",
        }),
      ),
    ).toBe("not_found");
    expect((await getWorkshop(home.ctx.viewer, w.id)).state).toBe("open");
  });
});

describe("consensus and conversion", () => {
  test("a lead records the room's answers and turns the closed workshop into an assessment", async () => {
    const org = await makeOrg();
    const w = await openWorkshop(org);
    const exec = await guest(w.joinCode, "E", "Executive");
    const op = await guest(w.joinCode, "O", "Operator");
    await saveOwnAnswer(exec.participant, {
      questionId: q1.id,
      optionId: best(q1),
      dontKnow: false,
      comment: null,
    });
    await saveOwnAnswer(op.participant, {
      questionId: q1.id,
      optionId: worst(q1),
      dontKnow: false,
      comment: null,
    });
    const consensus = { questionId: q1.id, optionId: worst(q1), dontKnow: false, note: "Split" };
    expect(await outcome(recordConsensus(org.ctx.contributor, w.id, consensus))).toBe("forbidden");
    expect(
      await outcome(recordConsensus(org.ctx.lead, w.id, { ...consensus, optionId: "nope" })),
    ).toBe("invalid_input");
    await recordConsensus(org.ctx.lead, w.id, consensus);
    // Recording again replaces the answer.
    await recordConsensus(org.ctx.lead, w.id, { ...consensus, optionId: best(q1), note: null });
    await recordConsensus(org.ctx.lead, w.id, {
      questionId: q2.id,
      optionId: null,
      dontKnow: true,
      note: "Nobody knew",
    });
    const recorded = await listConsensus(org.ctx.viewer, w.id);
    expect(recorded.map((c) => [c.questionId, c.optionId, c.dontKnow, c.note]).sort()).toEqual(
      [
        [q1.id, best(q1), false, null],
        [q2.id, null, true, "Nobody knew"],
      ].sort(),
    );

    expect(await outcome(convertWorkshopToAssessment(org.ctx.lead, w.id))).toBe("conflict");
    await setWorkshopState(org.ctx.lead, w.id, "closed", w.version);
    expect(await outcome(convertWorkshopToAssessment(org.ctx.contributor, w.id))).toBe("forbidden");
    const { assessmentId } = await convertWorkshopToAssessment(org.ctx.lead, w.id);
    const assessment = await getAssessment(org.ctx.viewer, assessmentId);
    expect(assessment.useCaseId).toBe(w.useCaseId);
    expect(assessment.status).toBe("in_progress");
    expect(assessment.answers.map((a) => [a.questionId, a.optionId, a.dontKnow]).sort()).toEqual(
      [
        [q1.id, best(q1), false],
        [q2.id, null, true],
      ].sort(),
    );
    expect((await getWorkshop(org.ctx.viewer, w.id)).assessmentId).toBe(assessmentId);
    // The assessment's results say where the room disagreed, by role, with the note.
    const room = await getRoomDisagreements(org.ctx.viewer, assessmentId);
    expect(room?.workshopId).toBe(w.id);
    expect(room?.questions.map((q) => [q.questionId, q.disagreement, q.note])).toEqual([
      [q1.id, 1, null],
    ]);
    expect(room?.questions[0]?.byRole.map((r) => [r.roleTag, r.answers])).toEqual([
      ["Executive", 1],
      ["Operator", 1],
    ]);
    expect(await getRoomDisagreements(org.ctx.viewer, w.id)).toBeNull();
    expect(await outcome(convertWorkshopToAssessment(org.ctx.lead, w.id))).toBe("conflict");
    expect(await outcome(recordConsensus(org.ctx.lead, w.id, consensus))).toBe("conflict");
    const other = await makeOrg();
    expect(await getRoomDisagreements(other.ctx.owner, assessmentId)).toBeNull();
    expect(await outcome(listConsensus(other.ctx.owner, w.id))).toBe("not_found");
    expect(await outcome(recordConsensus(other.ctx.owner, w.id, consensus))).toBe("not_found");
    expect(await outcome(convertWorkshopToAssessment(other.ctx.owner, w.id))).toBe("not_found");
    const actions = (await listAuditEvents(org.ctx.owner, { entityType: "workshop" })).events.map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === "workshop.consensus_recorded")).toHaveLength(3);
    expect(actions).toContain("workshop.converted");
  });

  test("where the room was split enters the assessment's assumptions register and the pilot's", async () => {
    const org = await makeOrg();
    const w = await openWorkshop(org);
    const answer = async (name: string, role: string, q1Option: string, comment: string | null) => {
      const { participant } = await guest(w.joinCode, name, role);
      await saveOwnAnswer(participant, {
        questionId: q1.id,
        optionId: q1Option,
        dontKnow: false,
        comment,
      });
      await saveOwnAnswer(participant, {
        questionId: q2.id,
        optionId: best(q2),
        dontKnow: false,
        comment: null,
      });
    };
    await answer("E1", "Executive", best(q1), null);
    await answer("E2", "Executive", best(q1), null);
    await answer("O1", "Operator", worst(q1), "We fix it by hand every Friday.");
    await answer("O2", "Operator", worst(q1), null);
    await recordConsensus(org.ctx.lead, w.id, {
      questionId: q1.id,
      optionId: worst(q1),
      dontKnow: false,
      note: "Operators keep a manual fix nobody wrote down.",
    });
    await recordConsensus(org.ctx.lead, w.id, {
      questionId: q2.id,
      optionId: best(q2),
      dontKnow: false,
      note: null,
    });
    await setWorkshopState(org.ctx.lead, w.id, "closed", w.version);
    const { assessmentId } = await convertWorkshopToAssessment(org.ctx.lead, w.id);
    await addInventoryAction(org.ctx.owner, w.useCaseId, READ_TICKET_ACTION);
    const submitted = await submitAssessment(org.ctx.lead, assessmentId);
    const register = submitted.result?.assumptions ?? [];
    const split = register.filter((a) => a.assumption.startsWith("The room was split on whether"));
    // Only q1 was split; q2's confident answer enters as any confident answer does.
    expect(split.map((a) => [a.questionId, a.dimensionId, a.evidence])).toEqual([
      [q1.id, "process", "Operators keep a manual fix nobody wrote down."],
    ]);
    const bestLabel = q1.options.find((o) => o.id === best(q1))?.label;
    const worstLabel = q1.options.find((o) => o.id === worst(q1))?.label;
    expect(split[0]?.assumption).toContain(
      `(Executive mostly \u201c${bestLabel}\u201d (2 of 2); Operator mostly \u201c${worstLabel}\u201d (2 of 2))`,
    );
    expect(register.some((a) => a.questionId === q2.id && a.assumption === q2.assumption)).toBe(
      true,
    );
    // A pilot started from the assessment carries the split into its register.
    const pilot = await startPilotOf(org.ctx.lead, w.useCaseId, { stage: "sandbox" });
    const pilotRegister = await listPilotAssumptions(org.ctx.viewer, pilot.id);
    expect(pilotRegister.map((a) => a.text)).toContain(split[0]?.assumption);
    expect(pilotRegister).toHaveLength(register.length);
  });
});
