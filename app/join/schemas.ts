import { z } from "zod";
import { normaliseJoinCode } from "@/lib/domain/workshops";
import { singleLine } from "@/lib/text";

export const codeFormSchema = z.object({
  code: z
    .string()
    .max(40)
    .transform((v, ctx) => {
      const code = normaliseJoinCode(v);
      if (!code) {
        ctx.addIssue({
          code: "custom",
          message: "A code is 6 letters and digits, like ABC 234: check the screen.",
        });
        return z.NEVER;
      }
      return code;
    }),
});

export const joinFormSchema = z.object({
  displayName: singleLine().min(1, "Say what to call you.").max(60, "Use at most 60 characters."),
  roleTag: z
    .string()
    .max(40)
    .default("")
    .transform((v) => v || null),
});

/** One answer change from the participant's wizard (the wizard's evidence field is the comment). */
export const participantAnswerSchema = z
  .object({
    questionId: z.string().min(1).max(100),
    optionId: z.string().min(1).max(100).nullable(),
    dontKnow: z.boolean(),
    evidence: z.string().trim().max(1000, "Keep the comment under 1,000 characters.").nullable(),
  })
  .refine((a) => a.dontKnow || a.optionId, {
    message: "Choose an answer or “Don't know”.",
    path: ["optionId"],
  });
