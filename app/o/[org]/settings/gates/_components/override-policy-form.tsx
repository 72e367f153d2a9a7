"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionState } from "@/lib/action-result";

/** "Overrides need a second approver": one switch, saved at the settings version read. */
export function OverridePolicyForm({
  action,
  version,
  enabled,
  readOnly,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  version: number;
  enabled: boolean;
  readOnly: boolean;
}) {
  const { action: formAction, pending, errors, formError, success } = useFormAction(action);
  return (
    <form action={formAction} className="grid gap-3" aria-label="Override approval">
      <input type="hidden" name="version" value={version} />
      <div className="flex items-start gap-2">
        <input
          id="overridesNeedSecondApprover"
          name="overridesNeedSecondApprover"
          type="checkbox"
          defaultChecked={enabled}
          disabled={readOnly || pending}
          aria-describedby="overridesNeedSecondApprover-hint"
          className="mt-1 size-4 accent-[var(--color-primary)]"
        />
        <div className="grid gap-1">
          <Label htmlFor="overridesNeedSecondApprover">Overrides need a second approver</Label>
          <p id="overridesNeedSecondApprover-hint" className="text-sm text-muted-foreground">
            When on, an owner's or admin's override of a failing gate only asks for it: the pilot
            moves once another owner or admin approves the request on the pilot's gate, and they can
            reject it with a note instead. Nobody approves their own request. When off, an owner or
            admin overrides alone.
          </p>
          {errors?.overridesNeedSecondApprover ? (
            <p className="text-sm text-destructive">{errors.overridesNeedSecondApprover[0]}</p>
          ) : null}
        </div>
      </div>
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="outline" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
          <FormMessage error={formError} success={success} className="py-1.5" />
        </div>
      )}
    </form>
  );
}
