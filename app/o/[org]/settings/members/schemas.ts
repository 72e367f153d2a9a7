import { z } from "zod";
import { memberRole } from "@/db/schema";

const role = z.enum(memberRole.enumValues, { message: "Choose a role." });

export const changeRoleSchema = z.object({
  membershipId: z.uuid(),
  role,
  version: z.coerce.number().int().positive(),
});

export const removeMemberSchema = z.object({ membershipId: z.uuid() });

export const createInvitationSchema = z.object({
  role,
  email: z
    .string()
    .trim()
    .max(320)
    .pipe(z.union([z.literal(""), z.email("Enter a valid email address, or leave it empty.")]))
    .optional(),
});

export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });
