import { describe, expect, test } from "vitest";
import {
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
  QUESTION_BANKS,
} from "@/lib/domain/question-bank";
import type { Condition, Question } from "@/lib/domain/question-bank/types";
import { QUESTION_BANK_V1 } from "@/lib/domain/question-bank/v1";
import { QUESTION_BANK_V2 } from "@/lib/domain/question-bank/v2";
import { BANDS } from "@/lib/domain/scoring";
import {
  conditionRefs,
  expectConditionsToNameRealOptions,
  expectQuestionsWellFormed,
  questionRefs,
} from "./question-bank-checks";

const bank = QUESTION_BANK_V2;
function question(id: string): Question {
  const q = bank.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/** Labels that only restate "don't know": the app always offers that choice itself. */
const DONT_KNOW_LABEL =
  /\b(do not|don't|dont) know\b|\bunknown\b|\bnot sure\b|\bunsure\b|\bno idea\b|\bnot (been |yet )?(checked|looked|assessed)\b|\bha(ve|s)( not|n't)( yet)? (checked|looked|tested)\b/i;

describe("question bank v2", () => {
  test("is registered beside v1 and is the bank new assessments use", () => {
    expect(getQuestionBank("v2")).toBe(bank);
    expect(Object.keys(QUESTION_BANKS)).toEqual(["v1", "v2"]);
    expect(CURRENT_QUESTION_BANK_VERSION).toBe("v2");
    expect(bank.version).toBe("v2");
    expect(bank.scoringModel).toBe(2);
  });

  test("keeps v1's 8 dimensions, with 55–65 questions and at least 5 per dimension", () => {
    expect(bank.dimensions.map((d) => d.id)).toEqual(QUESTION_BANK_V1.dimensions.map((d) => d.id));
    for (const d of bank.dimensions) {
      expect(d.weight, d.id).toBeGreaterThan(0);
      expect(
        bank.questions.filter((q) => q.dimensionId === d.id).length,
        d.id,
      ).toBeGreaterThanOrEqual(5);
    }
    expect(bank.questions.length).toBeGreaterThanOrEqual(55);
    expect(bank.questions.length).toBeLessThanOrEqual(65);
  });

  test("every question is complete: 3–5 options scored 0–4 with one best and a worst, help, good, findOut, recommendation and assumption", () => {
    expectQuestionsWellFormed(bank);
    for (const q of bank.questions) {
      expect(new Set(q.options.map((o) => o.label.toLowerCase())).size, q.id).toBe(
        q.options.length,
      );
      for (const o of q.options) {
        expect(Number.isInteger(o.score) && o.score >= 0 && o.score <= 4, `${q.id}.${o.id}`).toBe(
          true,
        );
      }
      expect(q.options.filter((o) => o.score === 4).length, `${q.id} has one best answer`).toBe(1);
      expect(
        q.options.some((o) => o.score === 0),
        `${q.id} has a worst answer`,
      ).toBe(true);
      expect(q.weight, q.id).toBeGreaterThan(0);
      for (const text of [
        q.prompt,
        q.help,
        q.recommendation,
        q.assumption,
        q.good ?? "",
        q.findOut ?? "",
      ])
        expect(text.length, q.id).toBeGreaterThan(15);
      expect(q.help, `${q.id}: "good" lives in its own field`).not.toMatch(/\bGood:/);
      expect(q.prompt.match(/\?/g)?.length, `${q.id} asks one question`).toBe(1);
      expect(q.prompt.endsWith("?"), q.id).toBe(true);
    }
  });

  test('findOut reads after "Find out whether …": lower-case start, no full stop', () => {
    for (const q of bank.questions) {
      const clause = q.findOut ?? "";
      expect(clause, q.id).toMatch(/^[a-z]/);
      expect(clause, q.id).not.toMatch(/[.?!]$/);
      expect(clause.startsWith("whether"), q.id).toBe(false);
    }
  });

  test('no option restates "don\'t know": the app adds that choice to every question', () => {
    for (const q of bank.questions)
      for (const o of q.options) expect(o.label, `${q.id}.${o.id}`).not.toMatch(DONT_KNOW_LABEL);
    // The pattern does catch the v1 options that did.
    const caught = QUESTION_BANK_V1.questions.flatMap((q) =>
      q.options.filter((o) => DONT_KNOW_LABEL.test(o.label)).map((o) => `${q.id}.${o.id}`),
    );
    expect(caught).toEqual(
      expect.arrayContaining([
        "process_variation.unknown",
        "data_freshness.unknown",
        "int_timeouts.unknown",
        "int_partial_failure.unknown",
        "hand_capacity.no",
      ]),
    );
  });

  test("more questions are graded than pass/fail (two or more answers between the worst and best)", () => {
    const graded = bank.questions.filter((q) => new Set(q.options.map((o) => o.score)).size >= 4);
    expect(graded.length).toBeGreaterThan(bank.questions.length / 2);
  });

  test("conditions and blockers reference questions and options that exist", () => {
    expectConditionsToNameRealOptions(bank);
    for (const ref of conditionRefs(bank))
      expect(ref.anyOf.length, ref.question).toBeGreaterThan(0);
    expect(new Set(bank.blockers.map((b) => b.id)).size).toBe(bank.blockers.length);
    for (const b of bank.blockers) {
      expect(BANDS).toContain(b.capBand);
      expect(b.reason.length, b.id).toBeGreaterThan(40);
    }
  });

  test("a follow-up's parent comes earlier in the list, so it is never asked before its parent", () => {
    const position = new Map(bank.questions.map((q, i) => [q.id, i]));
    for (const [i, q] of bank.questions.entries()) {
      if (!q.showIf) continue;
      for (const ref of questionRefs(q.showIf))
        expect(position.get(ref.question), `${q.id} depends on ${ref.question}`).toBeLessThan(i);
    }
  });

  test("weak-parent follow-ups show only on weaker answers, strong-parent ones only on stronger answers", () => {
    let weak = 0;
    let strong = 0;
    for (const q of bank.questions) {
      if (!q.showIf) continue;
      for (const ref of questionRefs(q.showIf)) {
        const parent = question(ref.question);
        const shownOn = parent.options.filter((o) => ref.anyOf.includes(o.id)).map((o) => o.score);
        const hiddenOn = parent.options
          .filter((o) => !ref.anyOf.includes(o.id))
          .map((o) => o.score);
        expect(hiddenOn.length, `${q.id} is hidden on some answer`).toBeGreaterThan(0);
        if (ref.orDontKnow) {
          weak++;
          expect(Math.max(...shownOn), `${q.id} (weak parent)`).toBeLessThan(Math.min(...hiddenOn));
        } else {
          strong++;
          expect(Math.min(...shownOn), `${q.id} (strong parent)`).toBeGreaterThan(
            Math.max(...hiddenOn),
          );
        }
      }
    }
    expect(weak).toBeGreaterThanOrEqual(2);
    expect(strong).toBeGreaterThanOrEqual(2);
  });

  test('every question leaf of a blocker also fires on "don\'t know"', () => {
    for (const b of bank.blockers)
      for (const ref of questionRefs(b.when))
        expect(ref.orDontKnow, `${b.id} on ${ref.question}`).toBe(true);
  });

  test("a blocker leaf on a follow-up question is guarded by what makes that question apply", () => {
    // Otherwise a question that does not apply (and so is unanswered) would trigger it.
    const implied: Record<string, string[]> = {
      writes_anywhere: [
        "writes_anywhere",
        "moves_money",
        "changes_access",
        "affects_many_customers",
        "has_hard_to_undo_money_or_access_write",
        "has_hard_to_undo_many_customer_write",
      ],
      moves_money: ["moves_money"],
      affects_many_customers: ["affects_many_customers", "has_hard_to_undo_many_customer_write"],
    };
    const inventoryGuards = (c: Condition): string[] =>
      "all" in c ? c.all.flatMap(inventoryGuards) : "inventory" in c ? [c.inventory] : [];
    for (const b of bank.blockers) {
      const guards = inventoryGuards(b.when);
      const leaves = questionRefs(b.when);
      for (const ref of leaves) {
        const shown = question(ref.question).showIf;
        if (!shown) continue;
        const parts = "all" in shown ? shown.all : [shown];
        for (const part of parts) {
          const where = `${b.id} on ${ref.question}`;
          if ("inventory" in part) {
            expect(
              guards.some((g) => implied[part.inventory]?.includes(g)),
              `${where} needs ${part.inventory}`,
            ).toBe(true);
          } else if ("question" in part) {
            const parentLeaf = leaves.find((l) => l.question === part.question);
            expect(parentLeaf, `${where} needs a leaf on ${part.question}`).toBeDefined();
            for (const option of parentLeaf!.anyOf) expect(part.anyOf, where).toContain(option);
            if (parentLeaf!.orDontKnow) expect(part.orDontKnow, where).toBe(true);
          } else {
            throw new Error(`${where}: guard a blocker on a question shown by "any" by hand`);
          }
        }
      }
    }
  });

  test("the approval question is asked only when the AI writes, and its approver follow-ups only when someone approves", () => {
    const approval = question("perm_approval_gate");
    expect(approval.showIf).toEqual({ inventory: "writes_anywhere" });
    const score = Object.fromEntries(approval.options.map((o) => [o.id, o.score]));
    expect(score).toEqual({
      none: 0,
      informal: 1,
      enforced_some: 1,
      veto_window: 3,
      enforced_all: 4,
    });
    for (const id of ["perm_approver_context", "perm_approver_load"]) {
      const refs = questionRefs(question(id).showIf!);
      expect(refs).toHaveLength(1);
      expect(refs[0]!.question).toBe("perm_approval_gate");
      expect(refs[0]!.anyOf).not.toContain("none");
      expect(refs[0]!.orDontKnow).toBeUndefined();
    }
  });

  test("the blockers of the brief exist with their caps", () => {
    const caps = Object.fromEntries(bank.blockers.map((b) => [b.id, b.capBand]));
    expect(caps).toEqual({
      high_stakes_without_approval: "sandbox_only",
      many_customers_uncontained: "shadow",
      money_without_safeguards: "supervised",
      broad_credentials: "sandbox_only",
      broad_service_account: "supervised",
      no_owner: "shadow",
      cannot_stop: "shadow",
      slow_to_stop: "supervised",
      accuracy_not_measured_on_real_work: "shadow",
      no_action_log: "shadow",
      writes_without_undo: "shadow",
      single_person_dependency: "supervised",
      no_success_measures: "supervised",
      nobody_watching: "supervised",
      no_escalation_path: "supervised",
      untrusted_input_unchecked: "supervised",
    });
    const approvalLeaves = (id: string) =>
      questionRefs(bank.blockers.find((b) => b.id === id)!.when).find(
        (r) => r.question === "perm_approval_gate",
      )?.anyOf;
    // Anything short of approval enforced for every high-stakes action leaves the hole open.
    for (const id of [
      "high_stakes_without_approval",
      "many_customers_uncontained",
      "writes_without_undo",
    ])
      expect([...(approvalLeaves(id) ?? [])].sort(), id).toEqual([
        "enforced_some",
        "informal",
        "none",
        "veto_window",
      ]);
  });

  test("covers the topics v1 never asked", () => {
    const topics: Record<string, string> = {
      process_consistency: "process",
      obs_high_stakes_accuracy: "observability",
      int_model_outage: "integration",
      perm_untrusted_input: "permissions",
      perm_security_tested: "permissions",
      data_personal_to_vendor: "data",
      gov_log_retention: "governance",
      int_spend_limits: "integration",
      int_response_time: "integration",
      hand_incident_response: "handoffs",
      gov_risk_acceptance: "governance",
      gov_contest: "governance",
    };
    for (const [id, dimension] of Object.entries(topics))
      expect(question(id).dimensionId, id).toBe(dimension);
  });

  test("a v1 question id kept in v2 keeps its meaning; the reworded ones are gone", () => {
    const v2Ids = new Set(bank.questions.map((q) => q.id));
    for (const id of [
      "process_variation",
      "rev_wrong_answer_stakes",
      "perm_approval_step",
      "int_upstream_changes",
      "gov_model_vendor",
      "int_rate_limits",
    ])
      expect(v2Ids.has(id), id).toBe(false);
    const kept = QUESTION_BANK_V1.questions.filter((q) => v2Ids.has(q.id));
    expect(kept.length).toBeGreaterThanOrEqual(35);
    for (const old of kept) {
      const now = question(old.id);
      expect(now.dimensionId, old.id).toBe(old.dimensionId);
      // A kept option keeps its label, so an answer carried over means what it meant.
      for (const o of now.options) {
        const before = old.options.find((x) => x.id === o.id);
        if (before && !RELABELLED.has(`${old.id}.${o.id}`))
          expect(o.label, `${old.id}.${o.id}`).toBe(before.label);
      }
    }
  });
});

/** Kept options whose label was reworded for plain language without changing what it says. */
const RELABELLED = new Set([
  "process_manual_fixes.often_unknown",
  "obs_replay.suite",
  "rev_blast_limited.contained",
  "hand_on_call.rota_runbook",
]);
