"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/action-result";

/**
 * A form bound to a server action, with what every form reads from its result: field errors,
 * the values to refill after a refusal, a form-level error when no field is to blame (`error`:
 * any refusal, for a form too small to show field errors), and a success's message and data.
 * `field(name, initial)` gives a control its name, its errors and the value to show: what was
 * typed before a refusal, else `initial`, else nothing (a select's empty placeholder).
 */
export function useFormAction<T = undefined>(serverAction: FormAction<T>) {
  const [state, action, pending] = useActionState(serverAction, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors;
  const field = <N extends string>(name: N, initial?: string | null) => ({
    name,
    errors: errors?.[name],
    defaultValue: failed?.values?.[name] ?? initial ?? "",
  });
  return {
    state,
    action,
    pending,
    errors,
    values: failed?.values,
    field,
    formError: failed && !errors ? failed.error : null,
    error: failed?.error ?? null,
    success: state?.ok === true ? (state.message ?? null) : null,
    data: state?.ok === true ? state.data : undefined,
  };
}
