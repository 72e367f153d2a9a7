import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { authenticateBearer } from "@/lib/auth/api-token";
import type { MemberContext } from "@/lib/domain/permissions";
import { AppError, fieldErrorsFrom } from "@/lib/errors";

export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    fields?: Record<string, string[]>;
    [detail: string]: unknown;
  };
};

/** A JSON error response in the API's one error shape. */
export function apiError(error: AppError): NextResponse<ApiErrorBody> {
  return NextResponse.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.details ?? {}),
      },
    },
    {
      status: error.status,
      headers:
        error.code === "unauthorized"
          ? { "WWW-Authenticate": 'Bearer realm="preflight"' }
          : undefined,
    },
  );
}

/**
 * Fields whose text PostgreSQL cannot store: U+0000 is refused in text columns and a lone
 * surrogate in JSON ones. Refused as invalid input rather than failing in the database.
 */
function unstorableTextErrors(value: unknown): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  // Iterative and bounded: a body may be anything a client sends, however large or deep.
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  let visited = 0;
  while (stack.length > 0 && visited++ < 10_000) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === "string") {
      const problem = v.includes("\u0000")
        ? "Text cannot contain the NUL character (\\u0000)."
        : /\p{Cs}/u.test(v)
          ? "Text must be valid Unicode: this has a lone surrogate."
          : null;
      if (problem) fields[path.join(".") || "_"] = [problem];
    } else if (v && typeof v === "object" && path.length < 32) {
      for (const [key, child] of Object.entries(v))
        stack.push({ value: child, path: [...path, key] });
    }
  }
  return fields;
}

function assertStorableText(value: unknown, message: string): void {
  const fields = unstorableTextErrors(value);
  if (Object.keys(fields).length > 0) throw new AppError("invalid_input", message, fields);
}

/** Parses a JSON body with a zod schema: 400 for malformed JSON, 422 with fields for bad values. */
export async function parseJson<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<z.infer<S>> {
  return parseBody(await readJson(request), schema);
}

/** The request's JSON body, unchecked (400 when it is not JSON). */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
}

/** Checks a JSON body already read with a zod schema: 422 with fields for bad values. */
export function parseBody<S extends z.ZodType>(body: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // Every wrong field at once: the schema's findings and any text that cannot be stored.
    throw new AppError("invalid_input", "The request body is not valid.", {
      ...unstorableTextErrors(body),
      ...fieldErrorsFrom(parsed.error.issues),
    });
  }
  assertStorableText(parsed.data, "The request body is not valid.");
  return parsed.data;
}

/** Parses query parameters with a zod schema (422 with fields when they are wrong). */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      "The query parameters are not valid.",
      fieldErrorsFrom(parsed.error.issues),
    );
  }
  assertStorableText(parsed.data, "The query parameters are not valid.");
  return parsed.data;
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps an /api/v1 route handler: authenticates the token, runs the handler, and maps
 * expected errors to JSON. Unexpected errors become a 500 without details.
 */
export function apiRoute<P = Record<string, string>>(
  handler: (ctx: MemberContext, request: Request, params: P) => Promise<Response | unknown>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const ctx = await authenticateBearer(request);
      const result = await handler(ctx, request, await context.params);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      if (error instanceof AppError) return apiError(error);
      if (error instanceof ZodError) {
        return apiError(
          new AppError("invalid_input", "The request is not valid.", fieldErrorsFrom(error.issues)),
        );
      }
      console.error("API error", error);
      return NextResponse.json(
        {
          error: {
            code: "internal",
            message: "Something went wrong on our side. Try again later.",
          },
        },
        { status: 500 },
      );
    }
  };
}
