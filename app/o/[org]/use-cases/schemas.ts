import { z } from "zod";
import { moneyInputSchema } from "@/lib/domain/money";
import { USE_CASE_STATUSES } from "@/lib/domain/use-cases";
import { singleLine } from "@/lib/text";

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).default("");

/**
 * The use case form, as submitted (all strings), turned into a use case input. The annual
 * value is read in the organisation's currency: "£180,000", "180k" and "1.2m" are fine.
 */
export const useCaseFormSchema = (currency: string) =>
  z.object({
    name: singleLine()
      .min(2, "Give the use case a name of at least 2 characters.")
      .max(120, "Use at most 120 characters."),
    description: optionalText(4000, "Use at most 4,000 characters."),
    ownerId: z
      .string()
      .trim()
      .transform((v) => v || null)
      .pipe(z.uuid("Choose an owner from the list.").nullable()),
    businessValue: z.coerce
      .number({ message: "Choose a business value from 1 to 5." })
      .int()
      .min(1, "Choose a business value from 1 to 5.")
      .max(5, "Choose a business value from 1 to 5."),
    annualValue: moneyInputSchema(currency),
    systems: z
      .string()
      .trim()
      .max(1000, "Use at most 1,000 characters.")
      .transform((v) =>
        [
          ...new Set(
            v
              .split(/[,\n]/)
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ].slice(0, 20),
      ),
    status: z.enum(USE_CASE_STATUSES, { message: "Choose a status." }).default("candidate"),
  });

export const versionSchema = z.object({ version: z.coerce.number().int().positive() });

export const useCaseListFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(USE_CASE_STATUSES).optional().catch(undefined),
  owner: z.uuid().optional().catch(undefined),
  archived: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});

/** The query layer's filters for the list's parameters (the page and its CSV export). */
export function toUseCaseFilters(f: z.infer<typeof useCaseListFilterSchema>) {
  return { q: f.q, status: f.status, ownerId: f.owner, archived: f.archived };
}
