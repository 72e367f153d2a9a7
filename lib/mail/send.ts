import nodemailer, { type Transporter } from "nodemailer";
import { markOutboxMessage, recordOutboxMessage } from "@/db/queries/outbox";
import { type MailKind, outboxKeepsBody } from "@/lib/domain/mail";
import { getEnv } from "@/lib/env";
import type { MailContent } from "./templates";

export type MailRequest = {
  to: string;
  /** The user it is addressed to, so they (and the owners of their organisations) find it. */
  userId: string | null;
  kind: MailKind;
  content: MailContent;
};

export type MailOutcome = "sent" | "failed" | "logged";

/** Where mail goes: to the SMTP server in SMTP_URL, or, without one, to the log and the outbox. */
export function mailDelivery(): "smtp" | "outbox" {
  return getEnv().SMTP_URL ? "smtp" : "outbox";
}

// One transport per process and URL, kept on globalThis like the database (Next loads
// modules several times).
const globalForMail = globalThis as typeof globalThis & {
  __preflightMail?: { url: string; transport: Transporter };
};

function transport(url: string): Transporter {
  const current = globalForMail.__preflightMail;
  if (current?.url === url) return current.transport;
  current?.transport.close();
  const created = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  globalForMail.__preflightMail = { url, transport: created };
  return created;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Records a message in the outbox; a database failure is logged and does not stop the mail. */
async function record(input: Parameters<typeof recordOutboxMessage>[0]): Promise<string | null> {
  try {
    return await recordOutboxMessage(input);
  } catch (error) {
    console.error(`[mail] Could not record the ${input.kind} email in the outbox:`, error);
    return null;
  }
}

/**
 * Sends one email and records it in the outbox. Without SMTP_URL it is written to the server
 * log instead (and its body kept in the outbox when lib/domain/mail.ts allows). Never throws:
 * call it after the change it reports has been committed, and a failure to send is logged and
 * recorded without undoing anything.
 */
export async function sendMail(request: MailRequest): Promise<MailOutcome> {
  const { to, userId, kind, content } = request;
  const base = { userId, recipient: to, kind, subject: content.subject };
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    console.error(`[mail] Not sending the ${kind} email to ${to}:`, describeError(error));
    return "failed";
  }
  if (!env.SMTP_URL) {
    console.info(
      `[mail] No mail server is configured (SMTP_URL is not set), so this email was not sent:\n` +
        `To: ${to}\nSubject: ${content.subject}\n\n${content.text}`,
    );
    const keep = outboxKeepsBody(kind);
    await record({
      ...base,
      textBody: keep ? content.text : null,
      htmlBody: keep ? content.html : null,
      status: "logged",
    });
    return "logged";
  }
  // With a mail server, bodies are not kept: they hold single-use links.
  const id = await record({ ...base, textBody: null, htmlBody: null, status: "sending" });
  try {
    await transport(env.SMTP_URL).sendMail({
      from: env.MAIL_FROM,
      to,
      subject: content.subject,
      text: content.text,
      html: content.html,
    });
  } catch (error) {
    const message = describeError(error);
    console.error(`[mail] Could not send the ${kind} email to ${to}: ${message}`);
    if (id) await markOutboxMessage(id, { status: "failed", error: message }).catch(() => {});
    return "failed";
  }
  if (id) {
    await markOutboxMessage(id, { status: "sent" }).catch((error: unknown) => {
      console.error("[mail] Could not record a sent email:", error);
    });
  }
  return "sent";
}
