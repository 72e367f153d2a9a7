import { and, desc, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { memberships, outboxMessages } from "@/db/schema";
import { canReadOutboxBody, type MailKind, type OutboxReader } from "@/lib/domain/mail";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";

export type OutboxStatus = (typeof outboxMessages.status.enumValues)[number];

/** Messages are kept this long, then pruned as new ones are written. */
export const OUTBOX_RETENTION_DAYS = 30;

/** Records a message about to be sent (or, without a mail server, logged). Returns its id. */
export async function recordOutboxMessage(input: {
  userId: string | null;
  recipient: string;
  kind: MailKind;
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  status: OutboxStatus;
}): Promise<string> {
  const [row] = await db
    .insert(outboxMessages)
    .values({ ...input, sentAt: input.status === "logged" ? sql`now()` : null })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error("insert returned no row");
  await db
    .delete(outboxMessages)
    .where(lt(outboxMessages.createdAt, new Date(Date.now() - OUTBOX_RETENTION_DAYS * 86_400_000)));
  return row.id;
}

/** Records what became of a message handed to the mail server. */
export async function markOutboxMessage(
  id: string,
  result: { status: "sent" } | { status: "failed"; error: string },
): Promise<void> {
  await db
    .update(outboxMessages)
    .set({
      status: result.status,
      error: result.status === "failed" ? result.error.slice(0, 1000) : null,
      sentAt: result.status === "sent" ? sql`now()` : null,
    })
    .where(eq(outboxMessages.id, id));
}

export type OutboxMessageDto = {
  id: string;
  recipient: string;
  kind: MailKind;
  subject: string;
  status: OutboxStatus;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** The plain-text body, or null when none is kept or this reader may not see it. */
  text: string | null;
  /** Why `text` is null although the message had one. */
  withheld: "not_kept" | "recipient_only" | null;
};

const outboxColumns = {
  id: outboxMessages.id,
  userId: outboxMessages.userId,
  recipient: outboxMessages.recipient,
  kind: outboxMessages.kind,
  subject: outboxMessages.subject,
  status: outboxMessages.status,
  error: outboxMessages.error,
  createdAt: outboxMessages.createdAt,
  sentAt: outboxMessages.sentAt,
  textBody: outboxMessages.textBody,
};

type OutboxRow = Omit<OutboxMessageDto, "text" | "withheld"> & {
  userId: string | null;
  textBody: string | null;
};

function toDto(
  { textBody, userId: _u, ...row }: OutboxRow,
  reader: OutboxReader,
): OutboxMessageDto {
  const readable = canReadOutboxBody(row.kind, reader);
  const kept = textBody !== null;
  return {
    ...row,
    text: kept && readable ? textBody : null,
    // Only messages logged for want of a mail server ever have a body to show.
    withheld:
      row.status !== "logged" ? null : !kept ? "not_kept" : readable ? null : "recipient_only",
  };
}

/**
 * The latest messages to the organisation's members (owners only). A body is shown to the
 * owner when lib/domain/mail.ts allows it, or when the message was addressed to them.
 */
export async function listOrganisationOutbox(
  ctx: MemberContext,
  limit = 100,
): Promise<OutboxMessageDto[]> {
  assertCan(ctx, "outbox:read");
  const viewer = ctx.actor.type === "user" ? ctx.actor.userId : null;
  const rows = await db
    .select(outboxColumns)
    .from(outboxMessages)
    .innerJoin(
      memberships,
      and(eq(memberships.userId, outboxMessages.userId), eq(memberships.orgId, ctx.orgId)),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map((row) => toDto(row, row.userId === viewer ? "recipient" : "owner"));
}

/** The latest messages addressed to a user, for their own account page. */
export async function listUserOutbox(userId: string, limit = 20): Promise<OutboxMessageDto[]> {
  const rows = await db
    .select(outboxColumns)
    .from(outboxMessages)
    .where(eq(outboxMessages.userId, userId))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(limit);
  return rows.map((row) => toDto(row, "recipient"));
}
