import type { NextAuthConfig } from "next-auth";

/** Paths a signed-out visitor may open. */
const PUBLIC_PATHS = [/^\/sign-in$/, /^\/sign-up$/, /^\/invite\/[^/]+$/, /^\/api\/health$/];

/**
 * The edge-safe part of the Auth.js configuration, shared with the proxy.
 * It only decides whether to send a visitor to the sign-in page; every page, action and
 * route handler still checks the user and their membership in the database itself.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (PUBLIC_PATHS.some((p) => p.test(path))) return true;
      return Boolean(auth?.user);
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;
