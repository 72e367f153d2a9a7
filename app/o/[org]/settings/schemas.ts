import { z } from "zod";
import { organisationNameSchema } from "@/lib/auth/schemas";
import { CURRENCIES } from "@/lib/format";

export const updateOrganisationSchema = z.object({
  name: organisationNameSchema,
  currency: z.enum(CURRENCIES, { message: "Choose a currency from the list." }),
  version: z.coerce.number().int().positive(),
});
