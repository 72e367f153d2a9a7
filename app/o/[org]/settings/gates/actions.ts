"use server";

import { revalidatePath } from "next/cache";
import { updateGateSettings, updateOverridePolicy } from "@/db/queries/gate-settings";
import { parseForm } from "@/lib/action-result";
import { orgFormAction } from "@/lib/auth/member-action";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { gateStageSchema, overridePolicySchema, parseGateForm } from "./schemas";

/** The stage and version of a gate form, and its criteria unless it asks for the defaults. */
function gateForm(formData: FormData) {
  const { stage, version, reset } = parseForm(gateStageSchema, formData);
  return { stage, version, reset, criteria: reset ? null : parseGateForm(formData) };
}

export const updateGateAction = orgFormAction(
  gateForm,
  async (member, { stage, version, reset, criteria }) => {
    await updateGateSettings(member, { gates: { [stage]: criteria }, version });
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    return {
      ok: true,
      message: reset
        ? `The gate out of ${STAGE_LABELS[stage].toLowerCase()} is back to the defaults.`
        : `Saved the gate out of ${STAGE_LABELS[stage].toLowerCase()}.`,
    };
  },
);

export const updateOverridePolicyAction = orgFormAction(
  overridePolicySchema,
  async (member, input) => {
    await updateOverridePolicy(member, input);
    revalidatePath(`/o/${member.orgSlug}`, "layout");
    return {
      ok: true,
      message: input.overridesNeedSecondApprover
        ? "Saved: overrides now wait for a second owner or admin."
        : "Saved: an owner or admin overrides alone.",
    };
  },
);
