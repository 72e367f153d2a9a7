import { z } from "zod";
import { organisationNameSchema } from "@/lib/auth/schemas";
import { portfolioSettingsSchema } from "@/lib/domain/portfolio";
import { CURRENCIES } from "@/lib/format";

export const updateOrganisationSchema = z.object({
  name: organisationNameSchema,
  currency: z.enum(CURRENCIES, { message: "Choose a currency from the list." }),
  version: z.coerce.number().int().positive(),
});

const days = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number);

/** The portfolio settings form: days as typed, checked against the ranges by the domain schema. */
export const portfolioSettingsFormSchema = z.object({
  stallDays: days("Enter a whole number of days, like 60.").pipe(
    portfolioSettingsSchema.shape.stallDays,
  ),
  reviewIntervalDays: days("Enter a whole number of days, like 180.").pipe(
    portfolioSettingsSchema.shape.reviewIntervalDays,
  ),
  version: z.coerce.number().int().positive(),
});
