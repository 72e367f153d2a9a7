"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createInvitation, invitationTtlDays, revokeInvitation } from "@/db/queries/invitations";
import { changeMemberRole, removeMember } from "@/db/queries/members";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
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

export async function changeRoleAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(changeRoleSchema, formData);
    const updated = await changeMemberRole(member, input);
    revalidatePath(`/o/${orgSlug}/settings/members`);
    return {
      ok: true,
      message: `${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`,
    };
  });
}

export async function removeMemberAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(removeMemberSchema, formData);
    await removeMember(member, input);
    revalidatePath(`/o/${orgSlug}`, "layout");
    if (member.actor.type === "user" && formData.get("self") === "1") redirect("/");
    return { ok: true };
  });
}

export async function createInvitationAction(
  orgSlug: string,
  _prev: ActionState<{ url: string }>,
  formData: FormData,
): Promise<ActionState<{ url: string }>> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(createInvitationSchema, formData);
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
    revalidatePath(`/o/${orgSlug}/settings/members`);
    return { ok: true, data: { url } };
  });
}

export async function revokeInvitationAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { invitationId } = parseForm(revokeInvitationSchema, formData);
    await revokeInvitation(member, invitationId);
    revalidatePath(`/o/${orgSlug}/settings/members`);
    return { ok: true };
  });
}
