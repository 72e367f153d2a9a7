"use client";

import { useActionState } from "react";
import type { FormAction } from "@/lib/action-result";

/**
 * A form's server action with what every form reads from its result: field errors, the
 * values to echo back after a refusal, the message for the form as a whole (`formError`: an
 * error tied to no field; `error`: any refusal, for a form too small to show field errors),
 * and the message and data of a success.
 */
export function useFormAction<T = undefined>(action: FormAction<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const failed = state?.ok === false ? state : null;
  return {
    formAction,
    pending,
    errors: failed?.fieldErrors,
    values: failed?.values,
    formError: failed && !failed.fieldErrors ? failed.error : null,
    error: failed ? failed.error : null,
    success: state?.ok ? state.message : null,
    data: state?.ok ? state.data : undefined,
  };
}
