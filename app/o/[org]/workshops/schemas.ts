import { z } from "zod";
import { WORKSHOP_PACE_MODES, WORKSHOP_STATES } from "@/lib/domain/workshops";
import { singleLine } from "@/lib/text";

/** The workshop set-up form, as submitted (strings; dimensions repeated), turned into input. */
export const workshopFormSchema = z.object({
  useCaseId: z.uuid("Choose the use case the workshop is about."),
  title: singleLine()
    .min(2, "Give the workshop a title of at least 2 characters.")
    .max(120, "Use at most 120 characters."),
  date: z.iso.date("Choose the day of the workshop."),
  dimensions: z
    .string()
    .max(1000)
    .default("")
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(z.string()).min(1, "Choose at least one dimension of the questionnaire.")),
  roleTags: z
    .string()
    .trim()
    .max(400, "Use at most 400 characters.")
    .transform((v) =>
      v
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(singleLine().max(40, "Keep each role tag under 40 characters."))
        .max(12, "At most 12 role tags."),
    ),
  anonymous: z.literal("on").optional().transform(Boolean),
  pace: z.enum(WORKSHOP_PACE_MODES, { message: "Choose how the room moves." }),
});

export const workshopEditSchema = workshopFormSchema
  .omit({ useCaseId: true })
  .extend({ version: z.coerce.number().int().positive() });

/**
 * The form's data with its repeated `dimensions` (one checkbox each) joined into one
 * comma-separated value, as `parseForm` reads one value a name.
 */
export function joinDimensions(formData: FormData): FormData {
  const joined = new FormData();
  for (const [key, value] of formData.entries()) {
    if (key !== "dimensions") joined.append(key, value);
  }
  joined.set("dimensions", formData.getAll("dimensions").join(","));
  return joined;
}

export const stateChangeSchema = z.object({
  to: z.enum(WORKSHOP_STATES),
  version: z.coerce.number().int().positive(),
});

export const leadSchema = z.object({
  dimensionId: z
    .string()
    .max(60)
    .transform((v) => v || null),
});

export { DONT_KNOW_VALUE } from "@/lib/domain/workshops";

export const consensusFormSchema = z.object({
  questionId: z.string().min(1).max(100),
  answer: z.string().min(1, "Choose the agreed answer.").max(100),
  note: z
    .string()
    .trim()
    .max(1000, "Keep the note under 1,000 characters.")
    .default("")
    .transform((v) => v || null),
});
