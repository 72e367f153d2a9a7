import type { NextAuthConfig } from "next-auth";

/** Paths a signed-out visitor may open. */
const PUBLIC_PATHS = [
  /^\/sign-in$/,
  /^\/sign-up$/,
  /^\/invite\/[^/]+$/,
  /^\/forgot-password$/,
  /^\/reset-password\/[^/]+$/,
  /^\/verify-email\/[^/]+$/,
  // Workshop participants need no account: their session is a cookie of its own.
  /^\/join(\/[^/]+(\/answers)?)?$/,
  // Browsers fetch the web app manifest without cookies.
  /^\/manifest\.webmanifest$/,
];

/** Whether a path is open to signed-out visitors. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => p.test(pathname));
}

/** The request-independent part of the Auth.js configuration. */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt" },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      // Sessions from before versions existed carry none: version 0, which every user starts at.
      session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
} satisfies NextAuthConfig;
