import { z } from "zod";

const optional = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

const optionalDate = optional.pipe(
  z.union([
    z.undefined(),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .transform((v) => new Date(`${v}T00:00:00Z`)),
  ]),
);

/** Filters of the audit page, read from the URL; anything malformed is ignored field by field. */
export const auditFilterSchema = z.object({
  action: optional.catch(undefined),
  entityType: optional.catch(undefined),
  actor: optional.pipe(z.union([z.undefined(), z.uuid()])).catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  cursor: optional.catch(undefined),
});
