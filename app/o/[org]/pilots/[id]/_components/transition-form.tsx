"use client";

import { SelectField, TextareaField } from "@/components/ui/field";
import { Label } from "@/components/ui/input";
import type { FormAction } from "@/lib/action-result";
import { MIN_JUSTIFICATION, MIN_OVERRIDE_JUSTIFICATION } from "@/lib/domain/gates";
import { PilotStepForm, type StepTone } from "./pilot-step-form";

/**
 * One kind of move for a pilot: promote, roll back, pause, resume or retire. The version the
 * page was rendered with travels along, so a move made on a stale page is refused.
 */
export function TransitionForm({
  id,
  action,
  version,
  title,
  submitLabel,
  to,
  targets,
  reasonLabel,
  reasonRequired,
  allowOverride,
  overrideNeedsApproval,
  tone = "default",
}: {
  id: string;
  action: FormAction;
  version: number;
  title: string;
  submitLabel: string;
  /** A fixed target, or… */
  to?: string;
  /** …a choice of targets. */
  targets?: { value: string; label: string }[];
  reasonLabel: string;
  reasonRequired: boolean;
  /** Owners and admins may override failing gate criteria with a justification. */
  allowOverride?: boolean;
  /** The override becomes a request another owner or admin approves. */
  overrideNeedsApproval?: boolean;
  tone?: StepTone;
}) {
  return (
    <PilotStepForm
      action={action}
      title={title}
      fields={{ version, to }}
      submitLabel={submitLabel}
      tone={tone}
      className="grid gap-3"
      showEveryRefusal
    >
      {({ errors }) => (
        <>
          <h3 className="text-sm font-semibold">{title}</h3>
          {targets ? (
            <SelectField
              name="to"
              id={`${id}-to`}
              label="To stage"
              errors={errors?.to}
              defaultValue={targets.at(-1)?.value}
              options={targets}
            />
          ) : null}
          <TextareaField
            name="justification"
            id={`${id}-justification`}
            label={reasonLabel}
            hint={
              reasonRequired
                ? `At least ${MIN_JUSTIFICATION} characters; shown on the timeline.`
                : "Optional unless you override; shown on the timeline."
            }
            errors={errors?.justification}
            rows={2}
          />
          {allowOverride ? (
            <div className="flex items-start gap-2">
              <input
                id={`${id}-override`}
                name="override"
                type="checkbox"
                className="mt-1 size-4 accent-[var(--color-primary)]"
              />
              <Label htmlFor={`${id}-override`} className="font-normal">
                {overrideNeedsApproval
                  ? `Override failing criteria: ask another owner or admin to approve (a justification of at least ${MIN_OVERRIDE_JUSTIFICATION} characters answering each failing criterion is required; the pilot moves once approved)`
                  : `Override failing criteria (owners and admins; a justification of at least ${MIN_OVERRIDE_JUSTIFICATION} characters answering each failing criterion is required, and the override is marked on the timeline)`}
              </Label>
            </div>
          ) : null}
        </>
      )}
    </PilotStepForm>
  );
}
