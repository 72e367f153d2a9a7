"use server";

import { revalidatePath } from "next/cache";
import { updateGateSettings, updateOverridePolicy } from "@/db/queries/gate-settings";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { gateStageSchema, overridePolicySchema, parseGateForm } from "./schemas";

export async function updateGateAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const { stage, version, reset } = parseForm(gateStageSchema, formData);
    const criteria = reset ? null : parseGateForm(formData);
    await updateGateSettings(member, { gates: { [stage]: criteria }, version });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return {
      ok: true,
      message: reset
        ? `The gate out of ${STAGE_LABELS[stage].toLowerCase()} is back to the defaults.`
        : `Saved the gate out of ${STAGE_LABELS[stage].toLowerCase()}.`,
    };
  });
}

export async function updateOverridePolicyAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(overridePolicySchema, formData);
    await updateOverridePolicy(member, input);
    revalidatePath(`/o/${orgSlug}`, "layout");
    return {
      ok: true,
      message: input.overridesNeedSecondApprover
        ? "Saved: overrides now wait for a second owner or admin."
        : "Saved: an owner or admin overrides alone.",
    };
  });
}
