"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";
import { ASSUMPTION_STATUS_LABELS, ASSUMPTION_STATUSES } from "@/lib/domain/pilots";

type Action = FormAction;

type AssumptionFormProps = {
  action: Action;
  assumption: {
    id: string;
    status: string;
    evidence: string | null;
    version: number;
    text: string;
  };
  disabled?: boolean;
};

/** The statuses to choose from, here rather than a prop: a register sends them once, not once an editor. */
const STATUS_OPTIONS = ASSUMPTION_STATUSES.map((s) => ({
  value: s,
  label: ASSUMPTION_STATUS_LABELS[s],
}));

/**
 * A "Change" button that opens the form to change one assumption's status and evidence: a
 * long register sends one button per assumption, not one form each.
 */
export function AssumptionEditor(props: AssumptionFormProps) {
  const [open, setOpen] = useState(false);
  if (open) return <AssumptionForm {...props} autoFocus />;
  return (
    <div>
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={props.disabled}
        aria-label={`Change status or evidence of: ${props.assumption.text}`}
        onClick={() => setOpen(true)}
      >
        Change
      </Button>
    </div>
  );
}

/** Changes one assumption's status and evidence in place. */
export function AssumptionForm({
  action,
  assumption,
  disabled,
  autoFocus,
}: AssumptionFormProps & { autoFocus?: boolean }) {
  const { action: formAction, pending, errors, formError, success } = useFormAction(action);
  const fid = `as-${assumption.id}`;
  return (
    <form action={formAction} className="grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-start">
      <input type="hidden" name="assumptionId" value={assumption.id} />
      <input type="hidden" name="version" value={assumption.version} />
      <Select
        name="status"
        aria-label={`Status of: ${assumption.text}`}
        defaultValue={assumption.status}
        disabled={disabled}
        autoFocus={autoFocus}
      >
        {STATUS_OPTIONS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </Select>
      <div className="grid gap-1">
        <Input
          name="evidence"
          aria-label={`Evidence for: ${assumption.text}`}
          aria-invalid={errors?.evidence ? true : undefined}
          aria-describedby={errors?.evidence ? `${fid}-error` : undefined}
          placeholder="Evidence: what shows it, or a link"
          defaultValue={assumption.evidence ?? ""}
          disabled={disabled}
        />
        {errors?.evidence ? (
          <p id={`${fid}-error`} className="text-xs text-destructive">
            {errors.evidence.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" variant="outline" disabled={pending || disabled}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {success ? (
          <span role="status" className="text-xs text-success">
            {success}
          </span>
        ) : null}
        {formError ? (
          <span role="alert" className="text-xs text-destructive">
            {formError}
          </span>
        ) : null}
      </div>
    </form>
  );
}

/** Adds an assumption the pilot uncovered. */
export function NewAssumptionForm({ action }: { action: Action }) {
  const { action: formAction, pending, errors, success } = useFormAction(action);
  return (
    <form action={formAction} className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-start">
      <div className="grid gap-1">
        <Input
          name="text"
          aria-label="A new assumption"
          placeholder="Another belief this workflow depends on"
          aria-invalid={errors?.text ? true : undefined}
        />
        {errors?.text ? <p className="text-xs text-destructive">{errors.text.join(" ")}</p> : null}
        {success ? (
          <p role="status" className="text-xs text-success">
            {success}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {pending ? "Adding…" : "Add assumption"}
      </Button>
    </form>
  );
}
