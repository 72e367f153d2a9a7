import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { authenticateApiToken, type TokenAuthentication } from "@/db/queries/api-tokens";
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

const RENEW = "Create a new one in Settings → API tokens.";

/** Why a token was refused, in words its holder can act on. */
function refusal(result: Extract<TokenAuthentication, { ok: false }>): string {
  switch (result.reason) {
    case "unknown":
      return "The API token is not recognised. Check that it was copied whole.";
    case "revoked":
      return `The API token has been revoked. ${RENEW}`;
    case "expired":
      return `The API token expired on ${result.expiresAt?.toISOString() ?? "an earlier date"}. ${RENEW}`;
    case "creator_removed":
      return `The API token no longer works: the person who created it is no longer a member of this organisation. ${RENEW}`;
    case "creator_demoted":
      return `The API token no longer works: the role of the person who created it is now below the token's role. ${RENEW}`;
    case "creator_disabled":
      return `The API token no longer works: the account of the person who created it is disabled. ${RENEW}`;
  }
}

/** Resolves the bearer token of a request to its organisation and role. */
async function authenticate(request: Request): Promise<MemberContext> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new AppError("unauthorized", "Send an API token as `Authorization: Bearer <token>`.");
  }
  const result = await authenticateApiToken(match[1]);
  if (!result.ok) {
    throw new AppError("unauthorized", refusal(result), undefined, { reason: result.reason });
  }
  return result.ctx;
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
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
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
      const ctx = await authenticate(request);
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
