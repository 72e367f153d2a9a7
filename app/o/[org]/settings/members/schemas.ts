import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

const role = z.enum(ROLES, { message: "Choose a role." });

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
    .pipe(
      z.email("Enter the email address of the person you invite: the link works only for them."),
    ),
});

export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });
