import { z } from "zod";
import { organisationNameSchema } from "@/lib/auth/schemas";

export const updateOrganisationSchema = z.object({
  name: organisationNameSchema,
  version: z.coerce.number().int().positive(),
});
