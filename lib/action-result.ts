import type { z } from "zod";
import { AppError, type FieldErrors, fieldErrorsFrom } from "@/lib/errors";

/** What every server action returns to its form. */
export type ActionState<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors; values?: Record<string, string> }
  | null;

/** A server action as a form calls it (through useActionState). */
export type FormAction<T = undefined> = (
  prev: ActionState<T>,
  formData: FormData,
) => Promise<ActionState<T>>;

/** Parses form data with a zod schema, throwing field-level errors the form can show. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): z.infer<S> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("$ACTION") && typeof value === "string") raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      "Some fields need your attention.",
      fieldErrorsFrom(parsed.error.issues),
    );
  }
  return parsed.data;
}

/**
 * Runs an action body and turns expected failures (AppError) into a result the form shows,
 * keeping what the user typed (passwords excepted). Redirects and real bugs propagate.
 */
export async function runAction<T>(
  formData: FormData | null,
  body: () => Promise<ActionState<T>>,
): Promise<ActionState<T>> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const values: Record<string, string> = {};
    for (const [key, value] of formData?.entries() ?? []) {
      if (typeof value === "string" && !/password|token/i.test(key) && !key.startsWith("$ACTION")) {
        // Repeated names (a group of checkboxes) keep every value, comma-separated.
        values[key] = key in values ? `${values[key]},${value}` : value;
      }
    }
    return { ok: false, error: error.message, fieldErrors: error.fields, values };
  }
}
