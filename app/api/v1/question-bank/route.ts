import { apiRoute, parseQuery } from "@/lib/api/handler";
import { questionBankQuerySchema } from "@/lib/api/schemas";
import {
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
  QUESTION_BANKS,
} from "@/lib/domain/question-bank";
import { AppError } from "@/lib/errors";
import { questionBankHash } from "@/lib/question-bank-hash";

export const GET = apiRoute(async (_ctx, request) => {
  const { version = CURRENT_QUESTION_BANK_VERSION } = parseQuery(request, questionBankQuerySchema);
  const bank = getQuestionBank(version);
  if (!bank) {
    throw new AppError(
      "not_found",
      `There is no question bank "${version}". Shipped versions: ${Object.keys(QUESTION_BANKS).join(", ")}.`,
    );
  }
  return { ...bank, hash: questionBankHash(bank) };
});
