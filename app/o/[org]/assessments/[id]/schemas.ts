import { z } from "zod";

/** One answer change sent by the wizard as it autosaves. */
export const answerChangeSchema = z
  .object({
    questionId: z.string().min(1).max(100),
    optionId: z.string().min(1).max(100).nullable(),
    dontKnow: z.boolean(),
    evidence: z
      .string()
      .trim()
      .max(2000, "Keep evidence under 2,000 characters; link to longer documents.")
      .nullable(),
    basedOnRevision: z.number().int().nullable(),
  })
  .refine((a) => a.dontKnow || a.optionId, {
    message: "Choose an answer or “Don't know”.",
    path: ["optionId"],
  });

export type AnswerChangePayload = z.infer<typeof answerChangeSchema>;
