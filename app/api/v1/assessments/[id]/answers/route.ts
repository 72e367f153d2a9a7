import { saveAnswers } from "@/db/queries/assessments";
import { apiRoute, parseJson } from "@/lib/api/handler";
import { answersInputSchema } from "@/lib/api/schemas";
import { serializeAnswer } from "@/lib/api/serialize";
import { toAnswerInput } from "@/lib/domain/question-bank/answers";

/** Saves a batch of answers, all or nothing (last write wins per question). */
export const PUT = apiRoute<{ id: string }>(async (ctx, request, { id }) => {
  const { answers } = await parseJson(request, answersInputSchema);
  const saved = await saveAnswers(ctx, id, answers.map(toAnswerInput));
  return { answers: saved.answers.map(serializeAnswer), applicable: saved.applicable };
});
