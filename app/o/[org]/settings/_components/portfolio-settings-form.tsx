"use client";

import { TextField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

/** The two settings, both a number of days. */
const DAY_FIELDS = [
  {
    name: "stallDays",
    label: "A pilot is stalled after (days in one stage)",
    hint: "The dashboard flags a pilot that stays longer than this in a stage before production. 7 to 365 days; 60 unless changed.",
  },
  {
    name: "reviewIntervalDays",
    label: "Re-assess a use case after (days)",
    hint: "The dashboard asks for a new assessment once the latest is older than this. 30 to 730 days; 180 unless changed.",
  },
] as const;

/** When a pilot counts as stalled, and how often use cases are re-assessed. */
export function PortfolioSettingsForm({
  action,
  stallDays,
  reviewIntervalDays,
  version,
  canEdit,
}: {
  action: FormAction;
  stallDays: number;
  reviewIntervalDays: number;
  version: number;
  canEdit: boolean;
}) {
  const { action: formAction, pending, field, formError, success } = useFormAction(action);
  const days = { stallDays, reviewIntervalDays };
  return (
    <form action={formAction} className="grid max-w-md gap-4" noValidate>
      <input type="hidden" name="version" value={version} />
      {DAY_FIELDS.map((f) => (
        <TextField
          key={f.name}
          {...field(f.name, String(days[f.name]))}
          label={f.label}
          hint={f.hint}
          inputMode="numeric"
          readOnly={!canEdit}
        />
      ))}
      {canEdit ? (
        <SubmitRow
          label="Save portfolio settings"
          pending={pending}
          error={formError}
          success={success}
        />
      ) : (
        <p className="text-sm text-muted-foreground">
          Only admins and owners can change these settings.
        </p>
      )}
    </form>
  );
}
