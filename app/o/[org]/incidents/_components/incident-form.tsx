"use client";

import { useState } from "react";
import { Field, fieldProps, SelectField, TextareaField, TextField } from "@/components/ui/field";
import { CheckboxItem, Input, Select } from "@/components/ui/input";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

type Option = { value: string; label: string };

export type IncidentFormValues = {
  pilotId: string | null;
  title: string;
  description: string;
  severity: string;
  category: string;
  detectionSource: string;
  outcome: string;
  startedAt: string;
  detectedAt: string;
  acknowledgedAt: string;
  mitigatedAt: string;
  resolvedAt: string;
  resolutionNote: string;
  costEstimate: string;
  assumptionId: string | null;
  actions: string[];
  version?: number;
};

const TIMES = [
  ["startedAt", "Started"],
  ["detectedAt", "Detected"],
  ["acknowledgedAt", "Acknowledged"],
  ["mitigatedAt", "Mitigated"],
  ["resolvedAt", "Resolved"],
] as const;

/** The actions ticked after one checkbox changes: "none" (nothing yet) excludes the others. */
export function tickAction(current: readonly string[], value: string, checked: boolean): string[] {
  if (!checked) return current.filter((v) => v !== value);
  if (value === "none") return ["none"];
  return [...current.filter((v) => v !== "none" && v !== value), value];
}

/** Applies tickAction to the group of the checkbox that changed. */
function applyTick(changed: HTMLInputElement) {
  const boxes = [
    ...(changed.form?.querySelectorAll<HTMLInputElement>(`input[name="${changed.name}"]`) ?? []),
  ];
  const others = boxes.filter((box) => box !== changed && box.checked).map((box) => box.value);
  const ticked = tickAction(others, changed.value, changed.checked);
  for (const box of boxes) box.checked = ticked.includes(box.value);
}

/** Logs or edits an incident; every wrong field says what is wrong, times included. */
export function IncidentForm({
  action,
  initial,
  options,
  pilots,
  assumptions,
  pilotLocked,
  currency,
  submitLabel,
}: {
  action: FormAction;
  initial: IncidentFormValues;
  options: {
    severity: Option[];
    category: Option[];
    detectionSource: Option[];
    outcome: Option[];
    actions: Option[];
  };
  pilots: { id: string; name: string }[];
  /** Assumptions per pilot, for the "broke an assumption" link. */
  assumptions: { pilotId: string; id: string; text: string }[];
  pilotLocked: boolean;
  /** The organisation's currency (ISO 4217), which the cost is in. */
  currency: string;
  submitLabel: string;
}) {
  const {
    action: formAction,
    pending,
    errors,
    values,
    field,
    error,
    success,
  } = useFormAction(action);
  const [pilotId, setPilotId] = useState(values?.pilotId ?? initial.pilotId ?? "");
  // After a refused submit the form resets to its defaults: keep what was ticked.
  const checkedActions = values ? (values.actions ?? "").split(",") : initial.actions;
  const pilotAssumptions = assumptions.filter((a) => a.pilotId === pilotId);
  const select = (name: "severity" | "category" | "detectionSource" | "outcome", label: string) => (
    <SelectField {...field(name, initial[name])} label={label} options={options[name]}>
      <option value="" disabled>
        Choose…
      </option>
    </SelectField>
  );
  return (
    <form action={formAction} className="grid gap-5" noValidate aria-label={submitLabel}>
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="pilotId"
          label="Pilot"
          hint={
            pilotLocked
              ? "An incident stays with the pilot it was logged on."
              : "The stage is filled in from the pilot's timeline."
          }
          errors={errors?.pilotId}
        >
          {pilotLocked ? (
            <>
              <input type="hidden" name="pilotId" value={pilotId} />
              <Input
                id="pilotId"
                value={pilots.find((p) => p.id === pilotId)?.name ?? "No pilot"}
                readOnly
                aria-describedby="pilotId-hint"
              />
            </>
          ) : (
            <Select
              {...fieldProps("pilotId", errors?.pilotId, true)}
              defaultValue={values?.pilotId ?? initial.pilotId ?? ""}
              onChange={(e) => setPilotId(e.target.value)}
              options={pilots.map((p) => ({ value: p.id, label: p.name }))}
            >
              <option value="">No pilot (organisation-wide)</option>
            </Select>
          )}
        </Field>
        <TextField
          {...field("title", initial.title)}
          label="Title"
          placeholder="Refund issued twice after a timeout"
        />
      </div>
      <TextareaField
        {...field("description", initial.description)}
        label="What happened (optional)"
        rows={3}
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {select("severity", "Severity")}
        {select("category", "Category")}
        {select("detectionSource", "Detected by")}
        {select("outcome", "Outcome")}
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">
          Times (UTC; each no earlier than the one before)
        </legend>
        <div className="grid grid-cols-[repeat(auto-fill,minmax(14rem,1fr))] gap-4">
          {TIMES.map(([name, label]) => (
            <TextField
              key={name}
              {...field(name, initial[name])}
              label={name === "startedAt" ? label : `${label} (optional)`}
              type="datetime-local"
            />
          ))}
        </div>
      </fieldset>
      <TextareaField
        {...field("resolutionNote", initial.resolutionNote)}
        label="Resolution note (needed once it has a resolved time)"
        hint="What fixed it, and anything left to do."
        rows={2}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          {...field("costEstimate", initial.costEstimate)}
          label={`Cost estimate (${currency}, optional)`}
          hint={`In ${currency}: 1200, 1,200 or 1.2k.`}
          inputMode="numeric"
        />
        <SelectField
          key={pilotId}
          {...field("assumptionId", initial.assumptionId)}
          label="Assumption it broke (optional)"
          hint="Linking one marks it broken on the pilot."
          disabled={pilotAssumptions.length === 0}
          options={pilotAssumptions.map((a) => ({ value: a.id, label: a.text }))}
        >
          <option value="">{pilotId ? "None" : "Choose a pilot first"}</option>
        </SelectField>
      </div>
      <fieldset
        aria-describedby={errors?.actions ? "actions-hint actions-error" : "actions-hint"}
        aria-invalid={errors?.actions ? true : undefined}
      >
        <legend className="mb-2 text-sm font-medium">Actions taken</legend>
        <div className="flex flex-wrap gap-4">
          {options.actions.map((option) => (
            <CheckboxItem
              key={option.value}
              label={option.label}
              name="actions"
              value={option.value}
              defaultChecked={checkedActions.includes(option.value)}
              onChange={(event) => applyTick(event.currentTarget)}
            />
          ))}
        </div>
        <p id="actions-hint" className="mt-1.5 text-xs text-muted-foreground">
          “Nothing yet” stands alone: ticking it clears the others, and ticking another clears it.
        </p>
        {errors?.actions ? (
          <p
            id="actions-error"
            className="mt-1 text-sm text-destructive"
            data-testid="actions-error"
          >
            {errors.actions.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <SubmitRow label={submitLabel} pending={pending} error={error} success={success} />
    </form>
  );
}
