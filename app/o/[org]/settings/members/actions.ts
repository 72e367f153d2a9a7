"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createInvitation, invitationTtlDays, revokeInvitation } from "@/db/queries/invitations";
import { changeMemberRole, removeMember } from "@/db/queries/members";
import { parseForm } from "@/lib/action-result";
import { orgFormAction } from "@/lib/auth/member-action";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { sendMail } from "@/lib/mail/send";
import { invitationMessage } from "@/lib/mail/templates";
import { publicOrigin } from "@/lib/origin";
import {
  changeRoleSchema,
  createInvitationSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "./schemas";

export const changeRoleAction = orgFormAction(changeRoleSchema, async (member, input) => {
  const updated = await changeMemberRole(member, input);
  revalidatePath(`/o/${member.orgSlug}/settings/members`);
  return {
    ok: true,
    message: `${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`,
  };
});

/** Which membership to remove, and whether the form says it is the caller's own. */
const removeMemberForm = (formData: FormData) => ({
  ...parseForm(removeMemberSchema, formData),
  self: formData.get("self") === "1",
});

export const removeMemberAction = orgFormAction(removeMemberForm, async (member, input) => {
  const { self, ...membership } = input;
  await removeMember(member, membership);
  revalidatePath(`/o/${member.orgSlug}`, "layout");
  if (member.actor.type === "user" && self) redirect("/");
  return { ok: true };
});

export const createInvitationAction = orgFormAction(
  createInvitationSchema,
  async (member, input) => {
    const { token, invitation } = await createInvitation(member, {
      role: input.role,
      email: input.email,
    });
    const url = `${await publicOrigin()}/invite/${token}`;
    if (invitation.email) {
      // Sent by email as well as shown as a link; a failure to send never loses the invitation.
      await sendMail({
        to: invitation.email,
        userId: null,
        kind: "invitation",
        content: invitationMessage({
          orgName: member.orgName,
          inviterName: member.actor.label,
          roleLabel: ROLE_LABELS[invitation.role],
          link: url,
          validForDays: invitationTtlDays(invitation.role),
        }),
      });
    }
    revalidatePath(`/o/${member.orgSlug}/settings/members`);
    return { ok: true, data: { url } };
  },
);

export const revokeInvitationAction = orgFormAction(
  revokeInvitationSchema,
  async (member, { invitationId }) => {
    await revokeInvitation(member, invitationId);
    revalidatePath(`/o/${member.orgSlug}/settings/members`);
    return { ok: true };
  },
);
