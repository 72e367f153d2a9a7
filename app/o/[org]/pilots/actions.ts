"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { startPilot } from "@/db/queries/pilots";
import { orgFormAction } from "@/lib/auth/member-action";
import { startPilotFormSchema } from "./schemas";

export const startPilotAction = orgFormAction(startPilotFormSchema, async (member, input) => {
  const pilot = await startPilot(member, input);
  revalidatePath(`/o/${member.orgSlug}`, "layout");
  redirect(`/o/${member.orgSlug}/pilots/${pilot.id}`);
});
