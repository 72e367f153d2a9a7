export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_input: 422,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

/** The one error type the app throws on purpose; everything else is a bug and a 500. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    /** Extra machine-readable context (failing gate criteria, the current state after a conflict). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "The item") => new AppError("not_found", `${what} was not found.`);

export const forbidden = (message = "Your role does not allow this.") =>
  new AppError("forbidden", message);

export const conflict = (message: string) => new AppError("conflict", message);

/** Turns a zod error into field messages keyed by dotted path. */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fields[key] = [...(fields[key] ?? []), issue.message];
  }
  return fields;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID (that the database's uuid type accepts). */
export const isUuid = (value: string): boolean => UUID.test(value);

/** Ids come from URLs: a malformed one is simply not found (never a database error). */
export function assertId(id: string, what: string): void {
  if (!isUuid(id)) throw notFound(what);
}
