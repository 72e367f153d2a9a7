"use client";

import { TextareaField, TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";
import { OwnerField } from "../../_components/owner-field";

/** Edits a pilot's owner, dates and rollback plan; a stale version is refused, not overwritten. */
export function EditPilotForm({
  action,
  pilot,
  members,
}: {
  action: FormAction;
  pilot: {
    ownerId: string | null;
    startDate: string;
    targetDate: string | null;
    rollbackPlan: string;
    version: number;
  };
  members: { id: string; name: string }[];
}) {
  const { action: formAction, pending, field, formError } = useFormAction(action);
  return (
    <form action={formAction} className="grid gap-5" noValidate aria-label="Edit pilot">
      <input type="hidden" name="version" value={pilot.version} />
      <div className="grid gap-4 sm:grid-cols-3">
        <OwnerField {...field("ownerId", pilot.ownerId)} members={members} />
        <TextField {...field("startDate", pilot.startDate)} label="Start date" type="date" />
        <TextField
          {...field("targetDate", pilot.targetDate)}
          label="Target date (optional)"
          type="date"
        />
      </div>
      <TextareaField
        {...field("rollbackPlan", pilot.rollbackPlan)}
        label="Rollback plan"
        hint="How you would switch the AI off and undo what it did: who decides, what gets reverted, how long it takes."
        rows={5}
      />
      <SubmitRow label="Save changes" pending={pending} error={formError} />
    </form>
  );
}
