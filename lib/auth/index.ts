import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { requestAddress } from "@/lib/client-address";
import { getOidcConfig } from "@/lib/env";
import { authConfig } from "./config";
import { authenticateCredentials } from "./credentials";
import { userForSso } from "./sso";

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}
class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}
class AccountDisabled extends CredentialsSignin {
  override code = "disabled";
}

const credentialsSchema = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
});

function providers(): NextAuthConfig["providers"] {
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const result = await authenticateCredentials({
          ...parsed.data,
          ip: requestAddress(request.headers),
        });
        if (result.ok) {
          const { id, email, name, sessionVersion } = result.user;
          return { id, email, name, sessionVersion };
        }
        if (result.reason === "rate_limited") throw new TooManyAttempts();
        if (result.reason === "disabled") throw new AccountDisabled();
        throw new InvalidCredentials();
      },
    }),
  ];
  const oidc = getOidcConfig();
  if (oidc) {
    list.push({
      id: "oidc",
      name: oidc.name,
      type: "oidc",
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
    });
  }
  return list;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: providers(),
  callbacks: {
    ...authConfig.callbacks,
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      if (!profile?.email || profile.email_verified === false) return false;
      return (await userForSso({ ...profile, email: profile.email })) !== null;
    },
    // Runs with `user` (and `account`) only when signing in: the session version is taken
    // then and never changed afterwards, whatever a client sends to the session endpoint.
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc" && profile?.email) {
        const local = await userForSso({ ...profile, email: profile.email });
        if (local) {
          token.uid = local.id;
          token.sv = local.sessionVersion;
        }
      } else if (user?.id) {
        token.uid = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
  },
}));

/** Whether single sign-on is configured (to show its button). */
export function ssoProvider(): { id: string; name: string } | null {
  const oidc = getOidcConfig();
  return oidc ? { id: "oidc", name: oidc.name } : null;
}
