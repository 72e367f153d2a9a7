"use client";

import { SelectField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

/** In a led workshop: the dimension the room is on; participants' screens follow it. */
export function LeadForm({
  action,
  current,
  dimensions,
}: {
  action: FormAction;
  current: string | null;
  dimensions: { id: string; title: string }[];
}) {
  const { action: formAction, pending, field, error, success } = useFormAction(action);
  return (
    <form action={formAction} className="mt-4 grid gap-3 border-t pt-4">
      <SelectField
        {...field("dimensionId", current)}
        label="The room is on"
        options={dimensions.map((d) => ({ value: d.id, label: d.title }))}
      >
        <option value="">Any dimension (own pace)</option>
      </SelectField>
      <SubmitRow label="Move the room" pending={pending} error={error} success={success} />
    </form>
  );
}
