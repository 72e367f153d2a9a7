"use client";

import { ActionButton } from "@/components/ui/action-button";
import { TextareaField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

type Action = FormAction;

/** Resolves an open incident now, asking how; sends the version the page was rendered with. */
export function ResolveForm({ action, version }: { action: Action; version: number }) {
  const { action: formAction, pending, errors, values, error } = useFormAction(action);
  return (
    <form action={formAction} className="grid gap-3" aria-label="Resolve incident" noValidate>
      <input type="hidden" name="version" value={version} />
      {/* Its own id: the edit form on the same page has a resolution note field too. */}
      <TextareaField
        name="resolutionNote"
        id="resolve-note"
        label="Resolution note"
        hint="What fixed it, and anything left to do. Shown on the incident and kept in the audit log."
        errors={errors?.resolutionNote}
        rows={3}
        required
        defaultValue={values?.resolutionNote}
      />
      <SubmitRow
        label="Resolve now"
        pending={pending}
        error={errors?.resolutionNote ? null : error}
      />
    </form>
  );
}

/** Reopens a resolved incident (its resolution time and note are cleared). */
export function ReopenButton({ action, version }: { action: Action; version: number }) {
  return (
    <ActionButton
      action={action}
      label="Reopen"
      pendingLabel="Saving…"
      fields={{ version }}
      variant="outline"
    />
  );
}
