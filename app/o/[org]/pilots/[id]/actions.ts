"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addPilotAssumption, updatePilotAssumption } from "@/db/queries/pilot-assumptions";
import {
  rejectOverrideRequest,
  withdrawOverrideRequest,
} from "@/db/queries/pilot-override-requests";
import { signOffCriterion, withdrawSignoff } from "@/db/queries/pilot-signoffs";
import { approveOverrideRequest, transitionPilot } from "@/db/queries/pilot-transitions";
import { getPilot, updatePilot } from "@/db/queries/pilots";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import type { ActionState } from "@/lib/action-result";
import { type FormInput, orgFormAction } from "@/lib/auth/member-action";
import type { MemberContext } from "@/lib/domain/permissions";
import { parseRunMetricsCsv } from "@/lib/domain/pilots/csv";
import { STAGE_LABELS } from "@/lib/domain/stages";
import { AppError, fieldErrorsFrom } from "@/lib/errors";
import {
  assumptionFormSchema,
  editPilotFormSchema,
  newAssumptionFormSchema,
  overrideDecisionFormSchema,
  runMetricFormSchema,
  runMetricsImportFormSchema,
  signoffFormSchema,
  transitionFormSchema,
  withdrawSignoffFormSchema,
} from "../schemas";

const pilotPath = (orgSlug: string, id: string) => `/o/${orgSlug}/pilots/${id}`;

/**
 * A form action on one pilot (`orgFormAction`, bound to the organisation and the pilot) that
 * re-renders the pilot's page whatever the outcome, so that after a conflict the form sits on
 * the pilot as it is now.
 */
function pilotAction<I = undefined, T = undefined>(
  input: FormInput<I> | null,
  body: (member: MemberContext, input: I, id: string) => Promise<ActionState<T>>,
) {
  const action = orgFormAction<I, [id: string], T>(input, body);
  return async (
    orgSlug: string,
    id: string,
    prev: ActionState<T>,
    formData: FormData,
  ): Promise<ActionState<T>> => {
    const result = await action(orgSlug, id, prev, formData);
    revalidatePath(pilotPath(orgSlug, id));
    return result;
  };
}

/** The form as it came, for an action that reads a file. */
const rawForm = (formData: FormData) => formData;

/** What the form says after a move that changes the status rather than the stage. */
const STATUS_CHANGE_MESSAGES = {
  paused: "Paused.",
  active: "Resumed.",
  retired: "Retired.",
} as const;

export const transitionPilotAction = pilotAction(
  transitionFormSchema,
  async (member, input, id) => {
    const { transition, request } = await transitionPilot(member, id, input);
    revalidatePath(`/o/${member.orgSlug}/pilots`);
    if (request) {
      return {
        ok: true,
        message:
          "Override requested: the pilot moves once another owner or admin approves it on the gate.",
      };
    }
    if (input.to === "paused" || input.to === "active" || input.to === "retired") {
      return { ok: true, message: STATUS_CHANGE_MESSAGES[input.to] };
    }
    const verb = transition.kind === "promote" ? "Promoted" : "Rolled back";
    const overridden = transition.overridden.length > 0 ? " (gate overridden)" : "";
    return {
      ok: true,
      message: `${verb} to ${STAGE_LABELS[input.to].toLowerCase()}${overridden}.`,
    };
  },
);

export const updatePilotAction = orgFormAction(
  editPilotFormSchema,
  async (member, input, id: string) => {
    await updatePilot(member, id, input);
    revalidatePath(`/o/${member.orgSlug}/pilots`, "layout");
    redirect(pilotPath(member.orgSlug, id));
  },
);

export const signOffAction = pilotAction(signoffFormSchema, async (member, input, id) => {
  await signOffCriterion(member, id, input);
  return { ok: true, message: "Signed off." };
});

export const withdrawSignoffAction = pilotAction(
  withdrawSignoffFormSchema,
  async (member, { signoffId }, id) => {
    await withdrawSignoff(member, id, signoffId);
    return { ok: true, message: "Sign-off withdrawn." };
  },
);

export const recordRunMetricsAction = pilotAction(
  runMetricFormSchema,
  async (member, input, id) => {
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
  },
);

type ImportResult = { problems: { line: number; message: string }[] };

/** Row errors of the query (metrics.0.correct) as the file's lines (the header is line 1). */
function csvLineProblems(fields: Record<string, string[]>): string[] {
  return Object.entries(fields).flatMap(([key, messages]) => {
    const row = /^metrics\.(\d+)\./.exec(key)?.[1];
    const where = row === undefined ? "" : `Line ${Number(row) + 2}: `;
    return messages.map((m) => `${where}${m}`);
  });
}

export const importRunMetricsAction = pilotAction<FormData, ImportResult>(
  rawForm,
  async (member, formData, id) => {
    const parsed = runMetricsImportFormSchema.safeParse({
      file: formData.get("file"),
      period: formData.get("period") ?? undefined,
    });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFrom(parsed.error.issues);
      return {
        ok: false,
        error: fieldErrors.file?.[0] ?? "Some fields need your attention.",
        fieldErrors,
      };
    }
    const { file, period } = parsed.data;
    const pilot = await getPilot(member, id);
    const { rows, problems } = parseRunMetricsCsv(await file.text(), period, pilot.startDate);
    if (problems.length > 0) {
      return {
        ok: false,
        error: `Nothing was imported: ${problems.length} problem${problems.length === 1 ? "" : "s"} in the file.`,
        fieldErrors: { file: problems.slice(0, 20).map((p) => `Line ${p.line}: ${p.message}`) },
      };
    }
    try {
      await recordRunMetrics(member, id, rows, "csv");
    } catch (error) {
      // The query checks every row again (metrics.3.periodStart): say which line of the file.
      if (!(error instanceof AppError) || !error.fields) throw error;
      return {
        ok: false,
        error: `Nothing was imported: ${error.message}`,
        fieldErrors: { file: csvLineProblems(error.fields) },
      };
    }
    return {
      ok: true,
      message: `Imported ${rows.length} period${rows.length === 1 ? "" : "s"}.`,
    };
  },
);

export const updateAssumptionAction = pilotAction(
  assumptionFormSchema,
  async (member, input, id) => {
    await updatePilotAssumption(member, id, input.assumptionId, input);
    revalidatePath(`/o/${member.orgSlug}/pilots`);
    return { ok: true, message: "Saved." };
  },
);

export const addAssumptionAction = pilotAction(
  newAssumptionFormSchema,
  async (member, input, id) => {
    await addPilotAssumption(member, id, input);
    return { ok: true, message: "Added to the register." };
  },
);

/** Approve (which promotes), reject or withdraw an override request shown on the gate. */
export const decideOverrideRequestAction = pilotAction(
  overrideDecisionFormSchema,
  async (member, { requestId, decision, note, version }, id) => {
    if (decision === "approve") {
      const { pilot } = await approveOverrideRequest(member, id, requestId, { note, version });
      revalidatePath(`/o/${member.orgSlug}/pilots`);
      return {
        ok: true,
        message: `Approved: promoted to ${STAGE_LABELS[pilot.stage].toLowerCase()} (gate overridden).`,
      };
    }
    if (decision === "reject") {
      await rejectOverrideRequest(member, id, requestId, { note, version });
      return { ok: true, message: "Rejected: the pilot stays where it is." };
    }
    await withdrawOverrideRequest(member, id, requestId, { note, version });
    return { ok: true, message: "Withdrawn." };
  },
);
