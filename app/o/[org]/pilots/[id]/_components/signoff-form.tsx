"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

type Action = FormAction;

/** A refusal beside a small control. */
function InlineError({ error, className }: { error: string | null; className: string }) {
  return error ? (
    <span role="alert" className={className}>
      {error}
    </span>
  ) : null;
}

/**
 * Signs off one gate criterion, with an optional note of what was checked (behind a disclosure,
 * whose form is drawn when it opens: a gate of ten criteria sends ten summaries, not ten forms).
 */
export function SignoffForm({
  action,
  criterion,
  label,
}: {
  action: Action;
  criterion: string;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="group text-xs" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="inline-flex cursor-pointer list-none whitespace-nowrap rounded-md border px-2 py-1 font-medium hover:bg-muted">
        Sign off<span className="sr-only"> {label}</span>
      </summary>
      {open ? <SignoffFields action={action} criterion={criterion} label={label} /> : null}
    </details>
  );
}

function SignoffFields({
  action,
  criterion,
  label,
}: {
  action: Action;
  criterion: string;
  label: string;
}) {
  const { action: formAction, pending, error } = useFormAction(action);
  return (
    <form action={formAction} className="mt-2 grid gap-1.5">
      <input type="hidden" name="criterion" value={criterion} />
      <Input
        name="note"
        aria-label={`Note for your sign-off of ${label} (optional)`}
        placeholder="What you checked (optional)"
        className="h-8 w-44 text-xs"
      />
      <Button type="submit" size="sm" disabled={pending} className="w-fit">
        {pending ? "Signing…" : "Confirm sign-off"}
      </Button>
      <InlineError error={error} className="text-destructive" />
    </form>
  );
}

/** Offered next to the member's own sign-offs only; the query refuses anyone else's. */
export function WithdrawSignoffForm({ action, signoffId }: { action: Action; signoffId: string }) {
  const { action: formAction, pending, error } = useFormAction(action);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="signoffId" value={signoffId} />
      <button
        type="submit"
        className="text-xs text-muted-foreground underline hover:text-foreground"
        disabled={pending}
      >
        {pending ? "Withdrawing…" : "withdraw"}
      </button>
      <InlineError error={error} className="ml-1 text-xs text-destructive" />
    </form>
  );
}
