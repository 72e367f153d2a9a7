"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/action-result";

/**
 * A form bound to a server action, with what every form reads from its result: field errors,
 * the values to refill after a refusal, and a form-level error when no field is to blame.
 */
export function useFormAction<T = undefined>(
  serverAction: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>,
) {
  const [state, action, pending] = useActionState(serverAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors;
  return {
    state,
    action,
    pending,
    errors,
    values: failed?.values,
    formError: failed && !errors ? failed.error : null,
    success: state?.ok === true ? (state.message ?? null) : null,
  };
}
