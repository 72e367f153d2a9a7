import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** The user's session version when they signed in (see users.session_version). */
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    /** The session version at sign-in; set only when signing in, never from a client. */
    sv?: number;
  }
}
