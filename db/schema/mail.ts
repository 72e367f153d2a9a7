import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { MAIL_KINDS } from "@/lib/domain/mail";
import { users } from "./auth";
import { id } from "./columns";

export const mailKind = pgEnum("mail_kind", MAIL_KINDS);

/**
 * "logged": no mail server is configured, the message went to the server log (and its body
 * is kept here, see lib/domain/mail.ts); "sending", then "sent" or "failed" with a mail server.
 */
export const outboxStatus = pgEnum("outbox_status", ["logged", "sending", "sent", "failed"]);

/**
 * Every email Preflight sends or would send, with what became of it. Bodies are kept only
 * when no mail server is configured (the demo reads them on the Outbox page); with one, rows
 * record delivery and failures only.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    /** The user it is addressed to; messages go when the user is deleted. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    recipient: text("recipient").notNull(),
    kind: mailKind("kind").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    status: outboxStatus("status").notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_messages_user_created_idx").on(t.userId, t.createdAt),
    index("outbox_messages_created_idx").on(t.createdAt),
  ],
);

export type OutboxMessage = typeof outboxMessages.$inferSelect;
