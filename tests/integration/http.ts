import { createApiToken } from "@/db/queries/api-tokens";
import type { Role } from "@/lib/domain/roles";
import type { TestOrg } from "./fixtures";

// Calling the API route handlers directly with real Request objects.

/** The second argument of a route handler without dynamic segments. */
export const noParams = { params: Promise.resolve({}) };

/** The second argument of a route handler with dynamic segments. */
export const params = <P>(p: P) => ({ params: Promise.resolve(p) });

/**
 * A request to the API: bearer `token` when given, and a JSON `body` (a string is sent as
 * it is, to test malformed bodies).
 */
export function call(
  path: string,
  token?: string,
  method = "GET",
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return new Request(`http://localhost${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A new API token of the organisation with `role`. */
export const tokenFor = async (org: TestOrg, role: Role) =>
  (await createApiToken(org.ctx.owner, { name: `${role} token`, role })).token;

/**
 * The Auth.js endpoint as a browser meets it: the CSRF cookie it hands out, and a credentials
 * sign-in that sends that cookie and token and answers the endpoint's raw response.
 */
export async function authEndpoint() {
  process.env.AUTH_SECRET ??= "a-test-secret-of-at-least-thirty-two-characters";
  const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
  const { NextRequest } = await import("next/server");
  const base = "http://localhost:3000/api/auth";
  const csrf = await GET(new NextRequest(`${base}/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const signIn = (email: string, password: string) =>
    POST(
      new NextRequest(`${base}/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, email, password }),
      }),
    );
  return { csrfCookie, signIn };
}
