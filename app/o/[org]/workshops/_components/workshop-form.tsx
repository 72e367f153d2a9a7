"use client";

import { ButtonLink } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { CheckboxItem } from "@/components/ui/input";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export type WorkshopFormValues = {
  useCaseId: string;
  title: string;
  date: string;
  dimensions: string[];
  roleTags: string;
  anonymous: boolean;
  pace: string;
  version?: number;
};

/** Set a workshop up, or edit it; keeps what was typed when the server finds a problem. */
export function WorkshopForm({
  action,
  initial,
  useCases,
  dimensions,
  paces,
  dimensionsLocked = false,
  submitLabel,
  cancelHref,
}: {
  action: FormAction;
  initial: WorkshopFormValues;
  /** Null when editing: the use case is fixed. */
  useCases: { id: string; name: string }[] | null;
  dimensions: { id: string; title: string }[];
  paces: { value: string; label: string }[];
  /** Once opened, the room's dimensions stay as they are. */
  dimensionsLocked?: boolean;
  submitLabel: string;
  cancelHref: string;
}) {
  const { action: formAction, pending, field, errors, values, formError } = useFormAction(action);
  // After a refusal, the boxes that were ticked (none ticked sends no value at all).
  const chosen = values ? (values.dimensions?.split(",") ?? []) : initial.dimensions;
  const anonymous = values ? values.anonymous === "on" : initial.anonymous;
  return (
    <form action={formAction} className="grid max-w-2xl gap-5" noValidate>
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <FormMessage error={formError} />
      {useCases ? (
        <SelectField
          {...field("useCaseId", initial.useCaseId)}
          label="Use case"
          hint="The workflow the room assesses."
          options={useCases.map((u) => ({ value: u.id, label: u.name }))}
        >
          <option value="">Choose a use case</option>
        </SelectField>
      ) : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField {...field("title", initial.title)} label="Title" required />
        <TextField {...field("date", initial.date)} label="Date" type="date" required />
      </div>
      <fieldset
        aria-describedby={errors?.dimensions ? "dimensions-error" : undefined}
        aria-invalid={errors?.dimensions ? true : undefined}
        disabled={dimensionsLocked}
      >
        <legend className="mb-2 text-sm font-medium">Dimensions to cover</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {dimensions.map((d) => (
            <CheckboxItem
              key={d.id}
              label={d.title}
              name="dimensions"
              value={d.id}
              defaultChecked={chosen.includes(d.id)}
            />
          ))}
        </div>
        {dimensionsLocked
          ? initial.dimensions.map((d) => (
              <input key={d} type="hidden" name="dimensions" value={d} />
            ))
          : null}
        {dimensionsLocked ? (
          <p className="mt-1.5 text-xs text-muted-foreground">
            Fixed once the workshop has been opened.
          </p>
        ) : null}
        {errors?.dimensions ? (
          <p id="dimensions-error" className="mt-1 text-sm text-destructive">
            {errors.dimensions.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <TextField
        {...field("roleTags", initial.roleTags)}
        label="Role tags"
        hint="Separate with commas. Participants pick one; answers are split by them."
      />
      <SelectField {...field("pace", initial.pace)} label="Pace" options={paces} />
      <CheckboxItem
        name="anonymous"
        defaultChecked={anonymous}
        label={
          <span>
            Anonymous answers
            <span className="block text-xs text-muted-foreground">
              You see role tags and participant numbers, never names.
            </span>
          </span>
        }
      />
      <SubmitRow label={submitLabel} pending={pending}>
        <ButtonLink variant="ghost" href={cancelHref}>
          Cancel
        </ButtonLink>
      </SubmitRow>
    </form>
  );
}
