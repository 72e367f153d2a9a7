"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-result";

/** Archive is reversible (restore), so it needs no confirmation. */
export function ArchiveButton({
  action,
  archived,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  archived: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end">
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Working…" : archived ? "Restore" : "Archive"}
      </Button>
      {state?.ok === false ? (
        <p role="alert" className="mt-1 text-xs text-destructive">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
