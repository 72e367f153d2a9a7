import { z } from "zod";
import { memberRole } from "@/db/schema";
import { singleLine } from "@/lib/text";

export const createTokenSchema = z.object({
  name: singleLine()
    .min(2, "Name the token after what will use it, e.g. “PagerDuty bridge”.")
    .max(80),
  role: z.enum(memberRole.enumValues, { message: "Choose a role." }),
});

export const revokeTokenSchema = z.object({ tokenId: z.uuid() });
