/** The emails Preflight sends. */
export const MAIL_KINDS = [
  "verify_email",
  "password_reset",
  "password_changed",
  "api_token_created",
  "invitation",
] as const;

export type MailKind = (typeof MAIL_KINDS)[number];

/** Who looks at a message in the outbox: the person it is addressed to, or an owner. */
export type OutboxReader = "recipient" | "owner";

/**
 * Whether the outbox keeps a message's body. A password reset link is never stored: whoever
 * reads it can take over the account, and the person who needs it cannot sign in to see it
 * anyway. Without a mail server it goes to the server log only.
 */
export function outboxKeepsBody(kind: MailKind): boolean {
  return kind !== "password_reset";
}

/**
 * Whether a reader may see a stored body: a verification link only by its recipient (it
 * proves their address), notices by the recipient and by the owners of their organisation.
 */
export function canReadOutboxBody(kind: MailKind, reader: OutboxReader): boolean {
  if (!outboxKeepsBody(kind)) return false;
  if (kind === "verify_email") return reader === "recipient";
  return true;
}
