import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import type { ReceivedMail } from "../support/smtp-server";

const mailDir = inject("mailDir");

/** Every email the test mail server has received so far, oldest first. */
export function receivedMail(): ReceivedMail[] {
  return fs
    .readdirSync(mailDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(mailDir, f), "utf8")) as ReceivedMail);
}

/**
 * The latest email to an address with this subject, waiting for it to arrive (the app sends
 * mail after answering the request). `after` skips messages received before that time.
 */
export async function waitForEmail(
  to: string,
  subject: string,
  options: { after?: number; timeoutMs?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const found = receivedMail()
      .filter(
        (m) =>
          m.to.includes(to.toLowerCase()) &&
          m.subject === subject &&
          m.receivedAt >= (options.after ?? 0),
      )
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No email "${subject}" to ${to} arrived.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first link in an email's text that starts with `prefix` (a path, or a whole URL). */
export function linkInEmail(mail: ReceivedMail, prefix: string): string {
  const link = mail.text
    .split(/\s+/)
    .find((word) => /^https?:\/\//.test(word) && new URL(word).pathname.startsWith(prefix));
  if (!link) throw new Error(`No link to ${prefix} in:\n${mail.text}`);
  return link;
}
