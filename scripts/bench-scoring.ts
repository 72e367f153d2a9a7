// Measures how long scoring one assessment takes (run: npx tsx scripts/bench-scoring.ts).
import { performance } from "node:perf_hooks";
import type { InventoryAction } from "@/lib/domain/actions";
import type { AnswerInput } from "@/lib/domain/question-bank";
import { QUESTION_BANK_V1 as bank } from "@/lib/domain/question-bank/v1";
import { scoreAssessment } from "@/lib/domain/scoring";

const inventory: InventoryAction[] = [
  {
    id: "1",
    name: "Read order",
    system: "Orders",
    access: "read",
    reversibility: "reversible",
    blastRadius: "one_customer",
    frequency: "hourly",
  },
  {
    id: "2",
    name: "Issue refund",
    system: "Stripe",
    access: "write",
    reversibility: "irreversible",
    blastRadius: "money",
    frequency: "hourly",
  },
  {
    id: "3",
    name: "Email customer",
    system: "Zendesk",
    access: "write",
    reversibility: "irreversible",
    blastRadius: "one_customer",
    frequency: "hourly",
  },
];
// A realistic mix: options of every strength, some "don't know", some evidence.
const answers: AnswerInput[] = bank.questions.map((q, i) =>
  i % 7 === 3
    ? { questionId: q.id, dontKnow: true }
    : {
        questionId: q.id,
        optionId: q.options[i % q.options.length]!.id,
        evidence: i % 2 ? "runbook link" : undefined,
      },
);

const run = (n: number) => {
  for (let i = 0; i < n; i++) scoreAssessment({ bank, answers, inventory });
};
run(2_000); // warm up
const iterations = 20_000;
const started = performance.now();
run(iterations);
const perCall = (performance.now() - started) / iterations;
console.log(
  `scoreAssessment: ${(perCall * 1000).toFixed(1)} µs per assessment (${iterations} runs, ${bank.questions.length} questions, ${inventory.length} actions)`,
);
