"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Resolves an open incident now, asking how; sends the version the page was rendered with. */
export function ResolveForm({ action, version }: { action: Action; version: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="grid gap-3" aria-label="Resolve incident" noValidate>
      <input type="hidden" name="version" value={version} />
      {/* Its own id: the edit form on the same page has a resolution note field too. */}
      <Field
        id="resolve-note"
        label="Resolution note"
        hint="What fixed it, and anything left to do. Shown on the incident and kept in the audit log."
        errors={errors?.resolutionNote}
      >
        <Textarea
          {...fieldProps("resolve-note", errors?.resolutionNote, true)}
          name="resolutionNote"
          rows={3}
          required
          defaultValue={state?.ok === false ? state.values?.resolutionNote : undefined}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Resolve now"}
        </Button>
        <FormMessage
          error={state?.ok === false && !errors?.resolutionNote ? state.error : null}
          className="py-1.5"
        />
      </div>
    </form>
  );
}

/** Reopens a resolved incident (its resolution time and note are cleared). */
export function ReopenButton({ action, version }: { action: Action; version: number }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      <input type="hidden" name="version" value={version} />
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Reopen"}
      </Button>
      {state?.ok === false ? (
        <p role="alert" className="max-w-72 text-right text-xs text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
