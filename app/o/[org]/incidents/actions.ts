"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  createIncident,
  reopenIncident,
  resolveIncident,
  updateIncident,
} from "@/db/queries/incident-writes";
import { type ActionState, parseForm } from "@/lib/action-result";
import { type FormInput, orgFormAction } from "@/lib/auth/member-action";
import type { MemberContext } from "@/lib/domain/permissions";
import { parseIncidentForm, resolveFormSchema, versionSchema } from "./schemas";

/** The incident form, in the organisation's currency. */
const incidentForm = (formData: FormData, member: MemberContext) =>
  parseIncidentForm(formData, member.currency);

/** An edit of the incident form: the fields and the version it was opened at. */
const incidentEdit = (formData: FormData, member: MemberContext) => ({
  ...incidentForm(formData, member),
  ...parseForm(versionSchema, formData),
});

/**
 * A change to the state of an incident (`orgFormAction`, bound to the organisation and the
 * incident): the organisation's pages show the new state whatever the outcome.
 */
function incidentStateAction<I>(
  input: FormInput<I>,
  body: (member: MemberContext, input: I, id: string) => Promise<ActionState>,
) {
  const action = orgFormAction<I, [id: string]>(input, body);
  return async (orgSlug: string, id: string, prev: ActionState, formData: FormData) => {
    const result = await action(orgSlug, id, prev, formData);
    revalidatePath(`/o/${orgSlug}`, "layout");
    return result;
  };
}

export const createIncidentAction = orgFormAction(
  incidentForm,
  async (member, { pilotId, ...input }) => {
    const incident = await createIncident(member, pilotId, input);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    redirect(`/o/${member.orgSlug}/incidents/${incident.id}`);
  },
);

export const updateIncidentAction = orgFormAction(
  incidentEdit,
  async (member, { pilotId: _pilot, ...input }, id: string) => {
    await updateIncident(member, id, input);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    return { ok: true, message: "Saved." };
  },
);

export const resolveIncidentAction = incidentStateAction(
  resolveFormSchema,
  async (member, { version, resolutionNote }, id) => {
    await resolveIncident(member, id, { version, note: resolutionNote });
    return { ok: true, message: "Resolved." };
  },
);

export const reopenIncidentAction = incidentStateAction(
  versionSchema,
  async (member, { version }, id) => {
    await reopenIncident(member, id, { version });
    return { ok: true, message: "Reopened." };
  },
);
