import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin, type NextAuthConfig, type Profile } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { resolveSsoSignIn } from "@/db/queries/sso";
import { getActiveUser, getSessionVersion, isEmailVerified } from "@/db/queries/users";
import { requestAddress } from "@/lib/client-address";
import { getOidcConfig } from "@/lib/env";
import { authConfig } from "./config";
import { authenticateCredentials } from "./credentials";
import { openSsoLink, SSO_LINK_COOKIE } from "./sso-link";

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

/** The local user a single sign-on resolves to (linked by issuer and subject), or why not. */
async function resolveSso(
  account: { providerAccountId?: string } | null,
  profile: Profile | undefined,
) {
  const oidc = getOidcConfig();
  if (!oidc || !profile?.email || !account?.providerAccountId) return null;
  return resolveSsoSignIn(
    {
      issuer: oidc.issuer,
      subject: account.providerAccountId,
      email: profile.email,
      emailVerified: profile.email_verified,
      name: profile.name,
    },
    await linkingUser(),
  );
}

/** The signed-in user who started linking single sign-on from their account page, if any. */
async function linkingUser(): Promise<{ id: string; emailVerified: boolean } | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const userId = openSsoLink((await cookies()).get(SSO_LINK_COOKIE)?.value, secret);
  const user = userId ? await getActiveUser(userId) : null;
  return user ? { id: user.id, emailVerified: isEmailVerified(user) } : null;
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
      const resolved = await resolveSso(account, profile);
      if (resolved?.ok) return true;
      // Refused: back to the sign-in page, which says why in words.
      return `/sign-in?error=${resolved ? `sso_${resolved.reason}` : "sso_unverified_claim"}`;
    },
    // Runs with `user` (and `account`) only when signing in: the session version is taken
    // then and never changed afterwards, whatever a client sends to the session endpoint.
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc") {
        // signIn linked or created the identity; this finds it again by issuer and subject.
        const resolved = await resolveSso(account, profile);
        if (resolved?.ok) {
          token.uid = resolved.userId;
          token.sv = await getSessionVersion(resolved.userId);
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
