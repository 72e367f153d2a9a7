import { type NextRequest, NextResponse } from "next/server";
import { isPublicPath } from "@/lib/auth/config";

/**
 * Optimistic redirect only: visitors without a session cookie are sent to sign in.
 * Pages, actions and route handlers verify the session and membership themselves.
 *
 * It deliberately does not decode the session with Auth.js: doing so re-issues the
 * session cookie on every request, and a request in flight during sign-out (a link
 * prefetch, say) would put the cookie back after sign-out removed it.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|.*\\.png$).*)"],
};
