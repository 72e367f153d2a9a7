import { formatDateTime } from "@/lib/format";

/** A message ready to send: a subject, a plain-text body and the same in simple HTML. */
export type MailContent = { subject: string; text: string; html: string };

/** One paragraph of a message: text, or a link shown on its own line. */
type Block = string | { link: string };

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Builds both bodies from the same paragraphs, so the text and HTML versions never differ. */
function compose(subject: string, greeting: string, blocks: Block[]): MailContent {
  const all: Block[] = [greeting, ...blocks, "— Preflight"];
  const text = `${all.map((b) => (typeof b === "string" ? b : b.link)).join("\n\n")}\n`;
  const paragraphs = all
    .map((b) =>
      typeof b === "string"
        ? `<p style="margin:0 0 16px;white-space:pre-line">${escapeHtml(b)}</p>`
        : `<p style="margin:0 0 16px"><a href="${escapeHtml(b.link)}" style="color:#2563eb;word-break:break-all">${escapeHtml(b.link)}</a></p>`,
    )
    .join("\n");
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:15px;line-height:1.5;color:#18181b">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px">
${paragraphs}
</div>
</body>
</html>
`;
  return { subject, text, html };
}

const hello = (name: string) => `Hello ${name},`;

/** Asks a new user to confirm their address with a single-use link. */
export function verifyEmailMessage(input: {
  name: string;
  link: string;
  validForHours: number;
}): MailContent {
  return compose("Verify your email address for Preflight", hello(input.name), [
    "Please confirm that this is your email address by opening this link:",
    { link: input.link },
    `The link works once, for ${input.validForHours} hours. Until you verify your address you can use Preflight, but you cannot join organisations you are invited to.`,
    "If you did not create a Preflight account, ignore this email.",
  ]);
}

/** Sends the single-use link that sets a new password. */
export function passwordResetMessage(input: {
  name: string;
  link: string;
  validForMinutes: number;
}): MailContent {
  return compose("Reset your Preflight password", hello(input.name), [
    "Someone, hopefully you, asked to reset the password of your Preflight account. To choose a new password, open this link:",
    { link: input.link },
    `The link works once, for ${input.validForMinutes} minutes. Setting a new password signs you out everywhere.`,
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ]);
}

/** Tells a user their password changed, and what to do if it was not them. */
export function passwordChangedMessage(input: {
  name: string;
  at: Date;
  how: "changed" | "reset";
  forgotPasswordLink: string;
}): MailContent {
  const how =
    input.how === "reset"
      ? "with a reset link sent to this address"
      : "from the account page, with the old password";
  return compose("Your Preflight password was changed", hello(input.name), [
    `The password of your Preflight account was changed on ${formatDateTime(input.at)}, ${how}. Every session signed in with the old password has been signed out.`,
    "If this was not you, reset your password at once and tell an administrator of your organisation:",
    { link: input.forgotPasswordLink },
  ]);
}

/** Tells the creator of an API token what was created, so a token they did not create stands out. */
export function apiTokenCreatedMessage(input: {
  name: string;
  orgName: string;
  tokenName: string;
  roleLabel: string;
  expiresAt: Date;
  tokensLink: string;
}): MailContent {
  return compose(`New API token "${input.tokenName}" in ${input.orgName}`, hello(input.name), [
    `An API token was created in ${input.orgName} with your account.`,
    `Name: ${input.tokenName}\nActs as role: ${input.roleLabel}\nExpires: ${formatDateTime(input.expiresAt)}`,
    "Anyone who holds it can use the organisation's API with that role until it expires or is revoked. If you did not create it, revoke it now:",
    { link: input.tokensLink },
  ]);
}

/** Invites someone into an organisation; the link works only for an account with this address. */
export function invitationMessage(input: {
  orgName: string;
  inviterName: string;
  roleLabel: string;
  link: string;
  validForDays: number;
}): MailContent {
  return compose(`${input.inviterName} invited you to ${input.orgName} on Preflight`, "Hello,", [
    `${input.inviterName} invited you to join ${input.orgName} on Preflight as ${input.roleLabel.toLowerCase()}. Preflight tracks whether the organisation's AI workflows are ready for production.`,
    { link: input.link },
    `The link works for ${input.validForDays} days, once, and only for an account with this email address (verified). Sign in or create an account with it, then accept.`,
    "If you did not expect this, ignore this email.",
  ]);
}
