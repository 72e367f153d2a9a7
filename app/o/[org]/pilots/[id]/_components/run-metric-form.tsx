"use client";

import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";
import { formatDate } from "@/lib/format";

type Action = FormAction;

/** Records one day or week of run metrics; recording a period again replaces it. */
export function RunMetricForm({
  action,
  today,
  startDate,
}: {
  action: Action;
  today: string;
  /** The pilot's start date: no period may end before it. */
  startDate: string;
}) {
  const { action: formAction, pending, field, formError, success } = useFormAction(action);
  const number = (name: string, label: string) => (
    <TextField
      {...field(name)}
      id={`rm-${name}`}
      label={label}
      inputMode="numeric"
      placeholder="0"
    />
  );
  return (
    <form action={formAction} className="grid gap-4" noValidate aria-label="Record run metrics">
      <div className="grid grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] items-start gap-3">
        <SelectField {...field("period", "day")} id="rm-period" label="Period">
          <option value="day">Day</option>
          <option value="week">Week</option>
        </SelectField>
        <TextField
          {...field("periodStart", today)}
          id="rm-periodStart"
          label="Date"
          hint={`For a week, any day in it. Not before the pilot's start, ${formatDate(startDate)}.`}
          type="date"
        />
        {number("attempted", "Actions attempted")}
        {number("correct", "Actions correct")}
        {number("overrides", "Human overrides")}
        {number("escalations", "Escalations")}
      </div>
      <SubmitRow label="Record" pending={pending} error={formError} success={success} />
    </form>
  );
}

type ImportAction = FormAction<{ problems: { line: number; message: string }[] }>;

/** Imports many periods from a CSV file, all or nothing, with every problem listed by line. */
export function RunMetricsImportForm({ action }: { action: ImportAction }) {
  const { action: formAction, pending, errors, error, success } = useFormAction(action);
  const problems = errors?.file;
  return (
    <form action={formAction} className="grid gap-3" aria-label="Import run metrics from CSV">
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <TextField
          name="file"
          id="rm-file"
          label="CSV file"
          hint="Header: period_start, attempted, correct, overrides, escalations (optional), period (optional: day or week)."
          type="file"
          accept=".csv,text/csv"
        />
        <SelectField
          name="period"
          id="rm-import-period"
          label="Rows without a period are"
          defaultValue="day"
        >
          <option value="day">Days</option>
          <option value="week">Weeks</option>
        </SelectField>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </Button>
      </div>
      <FormMessage error={error} success={success} className="py-1.5" />
      {problems?.length ? (
        <ul className="list-disc pl-5 text-sm text-destructive" data-testid="csv-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
