import { z } from "zod";
import { TOKEN_LIFETIME_CHOICES } from "@/lib/domain/api-tokens";
import { ROLES } from "@/lib/domain/roles";
import { singleLine } from "@/lib/text";

export const createTokenSchema = z.object({
  name: singleLine()
    .min(2, "Name the token after what will use it, e.g. “PagerDuty bridge”.")
    .max(80),
  role: z.enum(ROLES, { message: "Choose a role." }),
  expiresInDays: z.coerce
    .number()
    .pipe(z.literal(TOKEN_LIFETIME_CHOICES, { message: "Choose how long the token lasts." })),
});

export const revokeTokenSchema = z.object({ tokenId: z.uuid() });
