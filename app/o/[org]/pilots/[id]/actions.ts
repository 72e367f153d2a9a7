"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addPilotAssumption, updatePilotAssumption } from "@/db/queries/pilot-assumptions";
import {
  signOffCriterion,
  transitionPilot,
  updatePilot,
  withdrawSignoff,
} from "@/db/queries/pilots";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import { requireMember } from "@/lib/auth/session";
import { parseRunMetricsCsv } from "@/lib/domain/pilots/csv";
import { STAGE_LABELS, type Stage } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import {
  assumptionFormSchema,
  editPilotFormSchema,
  newAssumptionFormSchema,
  runMetricFormSchema,
  signoffFormSchema,
  transitionFormSchema,
} from "../schemas";

const pilotPath = (orgSlug: string, id: string) => `/o/${orgSlug}/pilots/${id}`;

/** Runs a change; on a conflict the page is refreshed so the user sees what changed. */
async function change(
  orgSlug: string,
  id: string,
  formData: FormData | null,
  body: () => Promise<ActionState>,
): Promise<ActionState> {
  const result = await runAction(formData, body);
  revalidatePath(pilotPath(orgSlug, id));
  return result;
}

const DONE: Record<string, (to: string) => string> = {
  paused: () => "Paused.",
  active: () => "Resumed.",
  retired: () => "Retired.",
};

export async function transitionPilotAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return change(orgSlug, id, formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(transitionFormSchema, formData);
    const { transition } = await transitionPilot(member, id, input);
    revalidatePath(`/o/${orgSlug}/pilots`);
    const done = DONE[input.to];
    return {
      ok: true,
      message: done
        ? done(input.to)
        : `${transition.kind === "promote" ? "Promoted" : "Rolled back"} to ${STAGE_LABELS[input.to as Stage].toLowerCase()}${transition.overridden.length ? " (gate overridden)" : ""}.`,
    };
  });
}

export async function updatePilotAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(editPilotFormSchema, formData);
    await updatePilot(member, id, input);
    revalidatePath(`/o/${orgSlug}/pilots`, "layout");
    redirect(pilotPath(orgSlug, id));
  });
}

export async function signOffAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return change(orgSlug, id, formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(signoffFormSchema, formData);
    await signOffCriterion(member, id, input);
    return { ok: true, message: "Signed off." };
  });
}

export async function withdrawSignoffAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return change(orgSlug, id, formData, async () => {
    const member = await requireMember(orgSlug);
    const signoffId = String(formData.get("signoffId") ?? "");
    await withdrawSignoff(member, id, signoffId);
    return { ok: true, message: "Sign-off withdrawn." };
  });
}

export async function recordRunMetricsAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return change(orgSlug, id, formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(runMetricFormSchema, formData);
    try {
      await recordRunMetrics(member, id, [input], "ui");
    } catch (error) {
      // The query reports fields per row (metrics.0.correct); the form has one row.
      if (error instanceof AppError && error.fields) {
        const fields = Object.fromEntries(
          Object.entries(error.fields).map(([k, v]) => [k.replace(/^metrics\.0\./, ""), v]),
        );
        throw new AppError(error.code, error.message, fields);
      }
      throw error;
    }
    return { ok: true, message: `Recorded the ${input.period} of ${input.periodStart}.` };
  });
}

export async function importRunMetricsAction(
  orgSlug: string,
  id: string,
  _prev: ActionState<{ problems: { line: number; message: string }[] }>,
  formData: FormData,
): Promise<ActionState<{ problems: { line: number; message: string }[] }>> {
  const result = await runAction<{ problems: { line: number; message: string }[] }>(
    null,
    async () => {
      const member = await requireMember(orgSlug);
      const file = formData.get("file");
      if (!(file instanceof File) || file.size === 0) {
        return {
          ok: false,
          error: "Choose a CSV file to import.",
          fieldErrors: { file: ["Choose a CSV file."] },
        };
      }
      if (file.size > 1_000_000) {
        return { ok: false, error: "The file is larger than 1 MB: split it and import the parts." };
      }
      const period = formData.get("period") === "week" ? "week" : "day";
      const { rows, problems } = parseRunMetricsCsv(await file.text(), period);
      if (problems.length > 0) {
        return {
          ok: false,
          error: `Nothing was imported: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the file.`,
          fieldErrors: { file: problems.slice(0, 20).map((p) => `Line ${p.line}: ${p.message}`) },
        };
      }
      await recordRunMetrics(member, id, rows, "csv");
      return {
        ok: true,
        message: `Imported ${rows.length} period${rows.length === 1 ? "" : "s"}.`,
      };
    },
  );
  revalidatePath(pilotPath(orgSlug, id));
  return result;
}

export async function updateAssumptionAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return change(orgSlug, id, formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(assumptionFormSchema, formData);
    await updatePilotAssumption(member, id, input.assumptionId, input);
    revalidatePath(`/o/${orgSlug}/pilots`);
    return { ok: true, message: "Saved." };
  });
}

export async function addAssumptionAction(
  orgSlug: string,
  id: string,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return change(orgSlug, id, formData, async () => {
    const member = await requireMember(orgSlug);
    const input = parseForm(newAssumptionFormSchema, formData);
    await addPilotAssumption(member, id, input);
    return { ok: true, message: "Added to the register." };
  });
}
