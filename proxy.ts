import { type NextRequest, NextResponse } from "next/server";
import { isPublicPath } from "@/lib/auth/config";
import { getEnv, getOidcConfig } from "@/lib/env";
import { newNonce, securityHeaders } from "@/lib/security-headers";

/**
 * Security headers on every response, with a fresh script nonce for each request, and an
 * optimistic redirect: visitors without a session cookie are sent to sign in. Pages, actions and
 * route handlers verify the session and membership themselves; API routes authenticate their
 * bearer token and are never redirected.
 *
 * It deliberately does not decode the session with Auth.js: doing so re-issues the
 * session cookie on every request, and a request in flight during sign-out (a link
 * prefetch, say) would put the cookie back after sign-out removed it.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const oidc = getOidcConfig();
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    https: env.AUTH_URL?.startsWith("https://") ?? false,
    development: env.NODE_ENV === "development",
    formActionOrigins: oidc ? [new URL(oidc.issuer).origin] : [],
  });
  const response = route(request, nonce, headers["Content-Security-Policy"] ?? "");
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function route(request: NextRequest, nonce: string, csp: string): NextResponse {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
  if (pathname.startsWith("/api/") || isPublicPath(pathname) || hasSession) {
    // Next reads the nonce from the request's CSP header and adds it to the scripts it renders;
    // x-nonce is for our own code (the theme script in the root layout).
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Static build files get theirs from next.config.ts.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|.*\\.png$).*)"],
};
