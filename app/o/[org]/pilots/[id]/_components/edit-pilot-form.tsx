"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

/** Edits a pilot's owner, dates and rollback plan; a stale version is refused, not overwritten. */
export function EditPilotForm({
  action,
  pilot,
  members,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  pilot: {
    ownerId: string | null;
    startDate: string;
    targetDate: string | null;
    rollbackPlan: string;
    version: number;
  };
  members: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <form action={formAction} className="grid gap-5" noValidate aria-label="Edit pilot">
      <input type="hidden" name="version" value={pilot.version} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="ownerId" label="Owner" errors={errors?.ownerId}>
          <Select
            {...fieldProps("ownerId", errors?.ownerId)}
            defaultValue={v?.ownerId ?? pilot.ownerId ?? ""}
          >
            <option value="">Nobody yet</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="startDate" label="Start date" errors={errors?.startDate}>
          <Input
            {...fieldProps("startDate", errors?.startDate)}
            type="date"
            defaultValue={v?.startDate ?? pilot.startDate}
          />
        </Field>
        <Field id="targetDate" label="Target date (optional)" errors={errors?.targetDate}>
          <Input
            {...fieldProps("targetDate", errors?.targetDate)}
            type="date"
            defaultValue={v?.targetDate ?? pilot.targetDate ?? ""}
          />
        </Field>
      </div>
      <Field
        id="rollbackPlan"
        label="Rollback plan"
        hint="How you would switch the AI off and undo what it did: who decides, what gets reverted, how long it takes."
        errors={errors?.rollbackPlan}
      >
        <Textarea
          {...fieldProps("rollbackPlan", errors?.rollbackPlan, true)}
          rows={5}
          defaultValue={v?.rollbackPlan ?? pilot.rollbackPlan}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <FormMessage
          error={state?.ok === false && !errors ? state.error : null}
          className="py-1.5"
        />
      </div>
    </form>
  );
}
