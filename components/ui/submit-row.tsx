import type * as React from "react";
import { Button } from "./button";
import { FormMessage } from "./form-message";

/**
 * The last line of a form: its submit button (with the pending text while the action runs)
 * and, beside it, the form's refusal or success message.
 */
export function SubmitRow({
  label,
  pendingLabel = "Saving…",
  pending,
  error,
  success,
  variant = "default",
  children,
}: {
  label: string;
  pendingLabel?: string;
  pending: boolean;
  error?: string | null;
  success?: string | null;
  variant?: "default" | "outline" | "destructive";
  /** Anything else beside the button (a cancel link). */
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      {children}
      <FormMessage error={error} success={success} className="py-1.5" />
    </div>
  );
}
