"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Signs off one gate criterion, with an optional note of what was checked (behind a disclosure). */
export function SignoffForm({
  action,
  criterion,
  label,
}: {
  action: Action;
  criterion: string;
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <details className="group text-xs">
      <summary className="inline-flex cursor-pointer list-none items-center whitespace-nowrap rounded-md border px-2 py-1 font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring">
        Sign off<span className="sr-only"> {label}</span>
      </summary>
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
        {state?.ok === false ? (
          <span role="alert" className="text-destructive">
            {state.error}
          </span>
        ) : null}
      </form>
    </details>
  );
}

/** Offered next to the member's own sign-offs only; the query refuses anyone else's. */
export function WithdrawSignoffForm({ action, signoffId }: { action: Action; signoffId: string }) {
  const [state, formAction, pending] = useActionState(action, null);
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
      {state?.ok === false ? (
        <span role="alert" className="ml-1 text-xs text-destructive">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
