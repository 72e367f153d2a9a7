"use client";

import type { FormAction } from "@/lib/action-result";
import { Button } from "./button";
import { useFormAction } from "./use-form-action";

/**
 * A form of one button that runs a server action (with hidden `fields`) and shows its refusal
 * under it. For steps that need no confirmation; destructive ones use ConfirmForm.
 */
export function ActionButton({
  action,
  label,
  pendingLabel = "Working…",
  fields = {},
  variant = "default",
}: {
  action: FormAction;
  label: string;
  pendingLabel?: string;
  fields?: Record<string, string | number>;
  variant?: "default" | "outline";
}) {
  const { action: formAction, pending, error } = useFormAction(action);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {error ? (
        <p role="alert" className="max-w-72 text-right text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
