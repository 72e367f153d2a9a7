"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { acceptInvitationAction } from "../actions";

export function AcceptInvitationForm({ token, label }: { token: string; label: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={action} className="grid gap-3">
      <input type="hidden" name="token" value={token} />
      <FormMessage error={state?.ok === false ? state.error : null} />
      <Button type="submit" disabled={pending}>
        {pending ? "Joining…" : label}
      </Button>
    </form>
  );
}
