/**
 * Whom a single sign-on identity signs in as. An identity is linked to a user by the
 * provider's issuer and subject, never by its email claim alone: a password account with the
 * same email is linked only by its owner, while signed in (an explicit step).
 */
export type SsoDecision =
  | { kind: "sign_in"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "create" }
  | { kind: "refuse"; reason: SsoRefusal };

export type SsoRefusal =
  /** The provider did not say the email is verified (a missing claim counts as no). */
  | "unverified_claim"
  /** A Preflight account already uses that email: its owner must link the identity. */
  | "email_taken"
  /** The linked user is disabled. */
  | "disabled"
  /** The user asking to link has not verified their own email yet. */
  | "link_unverified";

export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  unverified_claim:
    "Your identity provider did not confirm that your email address is verified, so Preflight cannot sign you in with it.",
  email_taken:
    "A Preflight account already uses this email. Sign in with its password, then link single sign-on from your account page.",
  disabled: "This account is disabled. Ask an owner of your organisation.",
  link_unverified: "Verify your email address first; then you can link single sign-on to it.",
};

export function decideSso(input: {
  /** The provider's `email_verified` claim as received. */
  emailVerifiedClaim: unknown;
  /** The user this issuer and subject are already linked to, if any. */
  linked: { userId: string; disabled: boolean } | null;
  /** A user whose email equals the claim, if any. */
  userWithEmail: { userId: string; disabled: boolean } | null;
  /** The signed-in user who asked to link an identity, if this is that explicit step. */
  linking: { userId: string; emailVerified: boolean; disabled: boolean } | null;
}): SsoDecision {
  if (input.emailVerifiedClaim !== true) return { kind: "refuse", reason: "unverified_claim" };
  if (input.linked) {
    return input.linked.disabled
      ? { kind: "refuse", reason: "disabled" }
      : { kind: "sign_in", userId: input.linked.userId };
  }
  if (input.linking) {
    if (input.linking.disabled) return { kind: "refuse", reason: "disabled" };
    if (!input.linking.emailVerified) return { kind: "refuse", reason: "link_unverified" };
    return { kind: "link", userId: input.linking.userId };
  }
  if (input.userWithEmail) return { kind: "refuse", reason: "email_taken" };
  return { kind: "create" };
}
