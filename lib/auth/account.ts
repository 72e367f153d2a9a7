import {
  changeUserPassword,
  createEmailVerification,
  createPasswordReset,
  EMAIL_VERIFICATION_TTL_HOURS,
  PASSWORD_RESET_TTL_MINUTES,
  resetPasswordWithToken,
} from "@/db/queries/accounts";
import { findUsableUserToken } from "@/db/queries/user-tokens";
import { normaliseEmail } from "@/db/queries/users";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { type MailOutcome, sendMail } from "@/lib/mail/send";
import {
  apiTokenCreatedMessage,
  passwordChangedMessage,
  passwordResetMessage,
  verifyEmailMessage,
} from "@/lib/mail/templates";
import { authenticateCredentials } from "./credentials";
import { hashPassword } from "./password";
import { assertPasswordResetAllowed, tooManyAttemptsMessage } from "./rate-limits";

type Person = { id: string; email: string; name: string };

/** Runs work after the response is sent (Next's `after` in actions; tests collect the tasks). */
export type Defer = (task: () => Promise<unknown>) => void;

/**
 * Emails the user a new single-use link that verifies their address. `origin` is the site's
 * public origin (lib/origin.ts: AUTH_URL in production, never request headers there).
 */
export async function sendVerificationEmail(user: Person, origin: string): Promise<MailOutcome> {
  const { token } = await createEmailVerification(user);
  return sendMail({
    to: user.email,
    userId: user.id,
    kind: "verify_email",
    content: verifyEmailMessage({
      name: user.name,
      link: `${origin}/verify-email/${token}`,
      validForHours: EMAIL_VERIFICATION_TTL_HOURS,
    }),
  });
}

/** What the forgotten-password form always answers, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED = `If an account exists for that address, we have sent it a link to choose a new password. The link works for ${PASSWORD_RESET_TTL_MINUTES} minutes.`;

/**
 * Handles the forgotten-password form. The answer is the same whether or not the address has
 * an account, and so is the work done before answering (the rate limit counts every address
 * alike): looking the account up and emailing it happen later, through `defer`, off the
 * response's path. Throws a rate_limited AppError when asked too often.
 */
export async function requestPasswordReset(
  input: { email: string; address: string | null; origin: string },
  defer: Defer,
): Promise<string> {
  const email = normaliseEmail(input.email);
  await assertPasswordResetAllowed(email, input.address);
  defer(async () => {
    try {
      await sendPasswordResetEmail(email, input.origin);
    } catch (error) {
      console.error("[account] Could not start a password reset:", error);
    }
  });
  return PASSWORD_RESET_REQUESTED;
}

/** Emails a reset link when the address belongs to an enabled account with a password. */
async function sendPasswordResetEmail(email: string, origin: string): Promise<MailOutcome | null> {
  const reset = await createPasswordReset(email);
  if (!reset) return null;
  return sendMail({
    to: reset.user.email,
    userId: reset.user.id,
    kind: "password_reset",
    content: passwordResetMessage({
      name: reset.user.name,
      link: `${origin}/reset-password/${reset.token}`,
      validForMinutes: PASSWORD_RESET_TTL_MINUTES,
    }),
  });
}

/** Whether a reset link can still be used (to show its form; it is not used up). */
export async function isPasswordResetLinkUsable(token: string): Promise<boolean> {
  return (await findUsableUserToken(token, "reset_password")) !== null;
}

/**
 * Sets a new password with a reset link and ends every session of the account. Returns the
 * person (to send the notice to), or null when the link cannot be used.
 */
export async function resetPassword(token: string, newPassword: string): Promise<Person | null> {
  // Checked before the deliberately slow hash, so made-up links cost little.
  if (!(await isPasswordResetLinkUsable(token))) return null;
  return resetPasswordWithToken(token, await hashPassword(newPassword));
}

/**
 * Changes a signed-in user's password after checking the current one (with the sign-in rate
 * limits, so the form cannot be used to guess it) and ends every session of the account.
 */
export async function changePassword(
  user: { id: string; email: string },
  input: { currentPassword: string; newPassword: string },
  address: string | null,
): Promise<void> {
  const check = await authenticateCredentials({
    email: user.email,
    password: input.currentPassword,
    ip: address,
  });
  if (!check.ok) {
    if (check.reason === "rate_limited") {
      throw new AppError("rate_limited", tooManyAttemptsMessage(check.retryAfterMs));
    }
    throw new AppError("invalid_input", "Some fields need your attention.", {
      currentPassword: ["That is not your current password."],
    });
  }
  await changeUserPassword(user, await hashPassword(input.newPassword));
}

/** Tells a user their password changed, with the way back if it was not them. */
export function sendPasswordChangedNotice(
  user: Person,
  how: "changed" | "reset",
  origin: string,
  at = new Date(),
): Promise<MailOutcome> {
  return sendMail({
    to: user.email,
    userId: user.id,
    kind: "password_changed",
    content: passwordChangedMessage({
      name: user.name,
      at,
      how,
      forgotPasswordLink: `${origin}/forgot-password`,
    }),
  });
}

/** Tells the creator of an API token what they created; command-line tokens have nobody to tell. */
export async function sendApiTokenCreatedNotice(
  input: {
    orgSlug: string;
    orgName: string;
    creator: Person | null;
    token: { name: string; role: Role; expiresAt: Date };
  },
  origin: string,
): Promise<MailOutcome | null> {
  if (!input.creator) return null;
  return sendMail({
    to: input.creator.email,
    userId: input.creator.id,
    kind: "api_token_created",
    content: apiTokenCreatedMessage({
      name: input.creator.name,
      orgName: input.orgName,
      tokenName: input.token.name,
      roleLabel: ROLE_LABELS[input.token.role],
      expiresAt: input.token.expiresAt,
      tokensLink: `${origin}/o/${input.orgSlug}/settings/tokens`,
    }),
  });
}
