import { describe, expect, test } from "vitest";
import type { InventoryAction } from "@/lib/domain/actions";
import { type AnswerInput, applicableQuestionIds } from "@/lib/domain/question-bank";
import { QUESTION_BANK_V2 as bank } from "@/lib/domain/question-bank/v2";
import { bandIndex, scoreAssessment } from "@/lib/domain/scoring";
import { answerAllBest, inventoryAction, REFUND } from "./scoring-fixtures";

// One test per defect the scoring review found in v1, each on question bank v2 and model 2.

const LINK = "https://wiki.example.org/readiness";
const allBest = (): AnswerInput[] => answerAllBest(bank, LINK);
const withAnswers = (changes: Record<string, string>, base = allBest()): AnswerInput[] => [
  ...base.filter((a) => !(a.questionId in changes)),
  ...Object.entries(changes).map(([questionId, v]) =>
    v === "dk"
      ? { questionId, dontKnow: true as const }
      : { questionId, optionId: v, evidence: LINK },
  ),
];
const SAFE_WRITE = inventoryAction({ name: "Tag ticket", access: "write" });
const EMAIL = inventoryAction({
  name: "Send email",
  access: "write",
  reversibility: "irreversible",
  blastRadius: "one_customer",
});
const BULK = inventoryAction({
  name: "Update all plans",
  access: "write",
  reversibility: "hard_to_reverse",
  blastRadius: "many_customers",
});
const score = (answers: AnswerInput[], inventory: InventoryAction[]) =>
  scoreAssessment({ bank, answers, inventory });
const blocker = (r: ReturnType<typeof score>, id: string) => r.blockers.find((b) => b.id === id);

describe("“don't know” is a finding, not a fact", () => {
  test("a blocker fired only by an unknown answer is unverified and says what to find out", () => {
    const r = score(withAnswers({ perm_service_account: "dk" }), [SAFE_WRITE]);
    const hit = blocker(r, "broad_credentials")!;
    expect(hit.status).toBe("unverified");
    expect(hit.findOut[0]?.text).toMatch(/^Find out whether /);
    expect(r.provisional).toBe(true);
    expect(r.recommendations[0]).toMatchObject({
      questionId: "perm_service_account",
      kind: "find_out",
    });
  });

  test("the same blocker from a real answer is confirmed", () => {
    const r = score(withAnswers({ perm_service_account: "personal_or_admin" }), [SAFE_WRITE]);
    expect(blocker(r, "broad_credentials")?.status).toBe("confirmed");
    expect(r.band).toBe("sandbox_only");
  });
});

describe("the inventory cannot be gamed", () => {
  test("questions that stop applying are left out of the average, not scored full marks", () => {
    const weak = withAnswers({ perm_money_limits: "none", int_idempotency: "no", rev_undo: "no" });
    const readOnly = score(weak, [inventoryAction({})]);
    for (const id of ["perm_money_limits", "int_idempotency", "rev_undo", "perm_approval_gate"]) {
      const q = readOnly.questions.find((x) => x.questionId === id)!;
      expect(q.state, id).toBe("not_applicable");
      expect(q.counted, id).toBe(false);
    }
  });

  test("calling an irreversible refund “hard to reverse” keeps it under its blocker", () => {
    const answers = withAnswers({ perm_approval_gate: "none" });
    const hard = score(answers, [{ ...REFUND, reversibility: "hard_to_reverse" }]);
    expect(blocker(hard, "high_stakes_without_approval")?.status).toBe("confirmed");
    expect(hard.band).toBe("sandbox_only");
  });
});

describe("weak answers cannot average away", () => {
  test("ten answers at their worst in a workflow that moves money stay far from limited production", () => {
    const r = score(
      withAnswers({
        obs_monitoring: "no",
        hand_on_call: "nobody",
        hand_escalation_path: "no",
        obs_output_checks: "no",
        int_timeouts: "dropped",
        int_idempotency: "no",
        gov_stop_criteria: "no",
        gov_change_control: "no",
        gov_risk_review: "no",
        hand_capacity: "no_capacity",
      }),
      [REFUND],
    );
    expect(bandIndex(r.band)).toBeLessThanOrEqual(bandIndex("supervised"));
    expect(r.autonomy).not.toBe("human_monitors");
  });

  test("a dimension far below the rest holds the band down", () => {
    const r = score(
      withAnswers({
        hand_owner: "team",
        hand_escalation_path: "defined",
        hand_capacity: "no_capacity",
        hand_incident_response: "ad_hoc",
        hand_feedback_loop: "no",
        hand_staff_trained: "no",
      }),
      [SAFE_WRITE],
    );
    expect(r.caps.find((c) => c.source === "dimension_floor")?.binding).toBe(true);
    expect(bandIndex(r.band)).toBeLessThan(bandIndex("limited_production"));
  });

  test("confidence decides: best answers with no evidence stop at supervised", () => {
    const noEvidence = allBest().map(({ evidence: _e, ...a }) => a);
    expect(score(noEvidence, [SAFE_WRITE]).band).toBe("supervised");
    expect(score(allBest(), [SAFE_WRITE]).band).toBe("limited_production");
  });
});

describe("missing blockers, closed holes, softened caps", () => {
  test.each([
    [
      "money moved without caps",
      { perm_money_limits: "none" },
      [REFUND],
      "money_without_safeguards",
    ],
    [
      "money moved with duplicate writes on retry",
      { int_idempotency: "no" },
      [REFUND],
      "money_without_safeguards",
    ],
    [
      "many customers, nothing to contain it",
      { perm_approval_gate: "none", rev_blast_limited: "yes" },
      [BULK],
      "many_customers_uncontained",
    ],
    ["nobody on call", { hand_on_call: "nobody" }, [SAFE_WRITE], "nobody_watching"],
    ["no monitoring", { obs_monitoring: "no" }, [SAFE_WRITE], "nobody_watching"],
    ["no escalation path", { hand_escalation_path: "no" }, [SAFE_WRITE], "no_escalation_path"],
    [
      "approval enforced for some actions only",
      { perm_approval_gate: "enforced_some" },
      [REFUND],
      "high_stakes_without_approval",
    ],
  ] as const)("%s", (_, changes, inventory, id) => {
    const r = score(withAnswers(changes), [...inventory]);
    expect(blocker(r, id)?.status).toBe("confirmed");
    expect(bandIndex(r.band)).toBeLessThanOrEqual(bandIndex(blocker(r, id)!.capBand));
  });

  test("nobody watching keeps the AI from acting on its own", () => {
    const r = score(withAnswers({ hand_on_call: "nobody", obs_monitoring: "no" }), [SAFE_WRITE]);
    expect(r.autonomy).toBe("human_approves");
  });

  test("a fully documented workflow with one expert is capped at supervised, not shadow", () => {
    const r = score(withAnswers({ process_key_person: "only_one" }), [SAFE_WRITE]);
    expect(r.band).toBe("supervised");
  });

  test("an email sender with enforced approval is not stuck in shadow because emails cannot be undone", () => {
    const r = score(withAnswers({ rev_undo: "no", perm_approval_gate: "enforced_all" }), [EMAIL]);
    expect(blocker(r, "writes_without_undo")).toBeUndefined();
    expect(bandIndex(r.band)).toBeGreaterThan(bandIndex("shadow"));
  });
});

describe("questions that misfired", () => {
  test("a reversible, duplicate-safe action with a veto window does not score as having no approval", () => {
    const gate = bank.questions.find((q) => q.id === "perm_approval_gate")!;
    expect(gate.options.find((o) => o.id === "veto_window")?.score).toBeGreaterThanOrEqual(3);
  });

  test("approver questions are not asked of a workflow with no approver", () => {
    const ids = applicableQuestionIds(bank, withAnswers({ perm_approval_gate: "none" }), [REFUND]);
    expect(ids).not.toContain("perm_approver_context");
    expect(ids).not.toContain("perm_approver_load");
    const withApprover = applicableQuestionIds(bank, allBest(), [REFUND]);
    expect(withApprover).toContain("perm_approver_context");
  });

  test("a follow-up is not shown before its question is answered", () => {
    const ids = applicableQuestionIds(bank, [], [SAFE_WRITE]);
    expect(ids).not.toContain("process_manual_fixes_inventory");
    expect(
      applicableQuestionIds(
        bank,
        [{ questionId: "process_manual_fixes", dontKnow: true }],
        [SAFE_WRITE],
      ),
    ).toContain("process_manual_fixes_inventory");
  });

  test("recommendation ties follow the question order, not the alphabet", () => {
    // A read-only assistant with two equally weighted weak answers.
    const r = score(
      withAnswers({ data_identity_matching: "guesswork", process_documented: "none" }),
      [inventoryAction({})],
    );
    const ids = r.recommendations.map((x) => x.questionId);
    const order = (id: string) => bank.questions.findIndex((q) => q.id === id);
    for (let i = 1; i < r.recommendations.length; i++) {
      const [a, b] = [r.recommendations[i - 1]!, r.recommendations[i]!];
      if (a.gain === b.gain && a.unlocks === b.unlocks && a.kind === b.kind)
        expect(order(a.questionId)).toBeLessThan(order(b.questionId));
    }
    expect(ids).toContain("data_identity_matching");
  });
});
