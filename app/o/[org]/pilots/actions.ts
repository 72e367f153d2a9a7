"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { startPilot } from "@/db/queries/pilots";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { startPilotFormSchema } from "./schemas";

export async function startPilotAction(
  orgSlug: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(startPilotFormSchema, formData);
    const pilot = await startPilot(member, input);
    revalidatePath(`/o/${orgSlug}`, "layout");
    redirect(`/o/${orgSlug}/pilots/${pilot.id}`);
  });
}
