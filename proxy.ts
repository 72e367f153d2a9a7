import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Only redirects signed-out visitors to the sign-in page; authorization happens in the
// data layer on every request.
export default NextAuth(authConfig).auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|.*\\.png$).*)"],
};
