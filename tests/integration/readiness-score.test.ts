import { describe, expect, test } from "vitest";
import {
  listAssessments,
  saveAnswers,
  startAssessment,
  submitAssessment,
} from "@/db/queries/assessments";
import { addInventoryAction } from "@/db/queries/inventory";
import { getPilotGate, startPilot } from "@/db/queries/pilots";
import { createUseCase } from "@/db/queries/use-cases";
import { type AnswerInput, getQuestionBank } from "@/lib/domain/question-bank";
import { formatScore } from "@/lib/format";
import { READ_TICKET_ACTION } from "@/scripts/lib/sample-actions";
import { makeOrg } from "./fixtures";

const bank = getQuestionBank("v2")!;

/**
 * The first 29 questions at their weakest option, the next 2 at the one above it and the rest
 * at their best: with a read-only inventory this scores 49.7, which reads "50" if rounded.
 */
const answers: AnswerInput[] = bank.questions.map((q, i) => {
  const sorted = [...q.options].sort((a, b) => a.score - b.score);
  const option = i < 29 ? sorted[0]! : i < 31 ? sorted[1]! : sorted[sorted.length - 1]!;
  return { questionId: q.id, optionId: option.id, evidence: "https://wiki.example.org/review" };
});

describe("the readiness score behind lists and gates", () => {
  test("is stored as scored, and a gate asking for at least 50 fails on 49.7", async () => {
    const org = await makeOrg();
    const uc = await createUseCase(org.ctx.owner, {
      name: "Just below fifty",
      description: "",
      ownerId: null,
      businessValue: 3,
      annualValue: null,
      systems: ["Zendesk"],
      status: "assessing",
    });
    await addInventoryAction(org.ctx.owner, uc.id, READ_TICKET_ACTION);
    const { id } = await startAssessment(org.ctx.owner, uc.id);
    await saveAnswers(org.ctx.owner, id, answers);
    const submitted = await submitAssessment(org.ctx.owner, id);
    expect(submitted.result?.overall).toBe(49.7);
    expect(submitted.result?.band).toBe("shadow");
    expect(submitted.overall).toBe(49.7);
    const [listed] = await listAssessments(org.ctx.viewer, { useCaseId: uc.id });
    expect(formatScore(listed?.overall)).toBe("49.7");

    // Shadow's gate asks for a score of at least 50: 49.7 is not enough.
    const pilot = await startPilot(org.ctx.lead, {
      useCaseId: uc.id,
      ownerId: null,
      stage: "shadow",
      startDate: new Date().toISOString().slice(0, 10),
      targetDate: null,
      rollbackPlan: "Flag off; agents take over.",
    });
    const gate = await getPilotGate(org.ctx.viewer, pilot.id);
    expect(gate.evaluation?.criteria.find((c) => c.kind === "min_readiness_score")).toMatchObject({
      threshold: "at least 50 / 100",
      measured: "49.7 / 100",
      pass: false,
    });
  });
});
