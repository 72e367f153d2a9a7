// Measures how long scoring one assessment takes, on every shipped question bank
// (run: npm run bench). Model 2 also works out the best case and which stage each
// recommendation unlocks, so it rescores a few what-ifs per assessment.
import { performance } from "node:perf_hooks";
import type { InventoryAction } from "@/lib/domain/actions";
import { type AnswerInput, QUESTION_BANKS, type QuestionBank } from "@/lib/domain/question-bank";
import { scoreAssessment } from "@/lib/domain/scoring";
import { DEMO_USE_CASES } from "./lib/demo-content";

// The demo's refund workflow: a read, a refund and a customer email.
const inventory: InventoryAction[] = DEMO_USE_CASES.find(
  (uc) => uc.name === "Refunds under 100 EUR",
)!.actions.map((action, i) => ({ id: String(i + 1), ...action }));
// A realistic mix: options of every strength, some "don't know", some evidence.
const answersFor = (bank: QuestionBank): AnswerInput[] =>
  bank.questions.map((q, i) =>
    i % 7 === 3
      ? { questionId: q.id, dontKnow: true }
      : {
          questionId: q.id,
          optionId: q.options[i % q.options.length]!.id,
          evidence: i % 2 ? "runbook link" : undefined,
        },
  );

for (const bank of Object.values(QUESTION_BANKS)) {
  const answers = answersFor(bank);
  const run = (n: number) => {
    for (let i = 0; i < n; i++) scoreAssessment({ bank, answers, inventory });
  };
  run(200); // warm up
  const iterations = 2_000;
  const started = performance.now();
  run(iterations);
  const perCall = (performance.now() - started) / iterations;
  console.log(
    `scoreAssessment, bank ${bank.version} (model ${bank.scoringModel ?? 1}): ${(perCall * 1000).toFixed(0)} µs per assessment (${iterations} runs, ${bank.questions.length} questions, ${inventory.length} actions)`,
  );
}
