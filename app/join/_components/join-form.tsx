"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

/** What the room calls you and which role you speak for. */
export function JoinForm({
  action,
  roleTags,
  name,
  anonymous,
}: {
  action: FormAction;
  roleTags: string[];
  /** The signed-in person's name, to start from. */
  name: string;
  anonymous: boolean;
}) {
  const { action: formAction, pending, field, formError } = useFormAction(action);
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <TextField
        {...field("displayName", name)}
        label="Your name"
        hint={
          anonymous
            ? "The facilitator sees answers by role only, never by name."
            : "Shown to the facilitator beside your answers."
        }
        autoComplete="name"
        required
      />
      {roleTags.length > 0 ? (
        <SelectField
          {...field("roleTag")}
          label="Your role"
          hint="The closest fit: answers are compared between roles."
          options={roleTags.map((t) => ({ value: t, label: t }))}
        >
          <option value="">Choose your role</option>
        </SelectField>
      ) : null}
      <SubmitRow label="Join" pendingLabel="Joining…" pending={pending} error={formError} />
    </form>
  );
}
