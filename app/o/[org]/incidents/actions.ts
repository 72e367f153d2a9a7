"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createIncident,
  reopenIncident,
  resolveIncident,
  updateIncident,
} from "@/db/queries/incident-writes";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { parseIncidentForm, resolveFormSchema, versionSchema } from "./schemas";

export async function createIncidentAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { pilotId, ...input } = parseIncidentForm(formData, member.currency);
    const incident = await createIncident(member, pilotId, input);
    revalidatePath(`/o/${orgSlug}`, "layout");
    redirect(`/o/${orgSlug}/incidents/${incident.id}`);
  });
}

export async function updateIncidentAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { pilotId: _pilot, ...input } = parseIncidentForm(formData, member.currency);
    const { version } = parseForm(versionSchema, formData);
    await updateIncident(member, id, { ...input, version });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  });
}

export async function resolveIncidentAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction<undefined>(formData, async () => {
    const member = await requireMember(orgSlug);
    const { version, resolutionNote } = parseForm(resolveFormSchema, formData);
    await resolveIncident(member, id, { version, note: resolutionNote });
    return { ok: true, message: "Resolved." };
  });
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}

export async function reopenIncidentAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const result = await runAction<undefined>(formData, async () => {
    const member = await requireMember(orgSlug);
    const { version } = parseForm(versionSchema, formData);
    await reopenIncident(member, id, { version });
    return { ok: true, message: "Reopened." };
  });
  revalidatePath(`/o/${orgSlug}`, "layout");
  return result;
}
