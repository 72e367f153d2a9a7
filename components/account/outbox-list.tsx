import { Badge } from "@/components/ui/badge";
import type { MailKind } from "@/lib/domain/mail";
import { formatDateTime } from "@/lib/format";

export type OutboxItem = {
  id: string;
  recipient: string;
  kind: MailKind;
  subject: string;
  status: "logged" | "sending" | "sent" | "failed";
  error: string | null;
  createdAt: Date;
  text: string | null;
  withheld: "not_kept" | "recipient_only" | null;
};

const STATUS = {
  logged: { label: "Not sent: logged", tone: "neutral" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
} as const;

const WITHHELD = {
  not_kept:
    "It holds a password reset link, which is not kept here: whoever reads it could take over the account. Find it in the server log.",
  recipient_only:
    "It holds a link that verifies the recipient's address: only they can read it, on their account page.",
} as const;

/**
 * A message body as text, with this site's own links made clickable (the body is text the app
 * wrote, but names in it come from people, so only links to `origin` become links).
 */
function Body({ text, origin }: { text: string; origin: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <pre className="mt-2 overflow-x-auto rounded-md bg-muted p-3 font-sans text-sm whitespace-pre-wrap break-words">
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) && part.startsWith(`${origin}/`) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
          <a key={i} className="break-all text-primary underline" href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/** Emails as the outbox recorded them, newest first. */
export function OutboxList({
  messages,
  origin,
  showRecipient,
}: {
  messages: OutboxItem[];
  origin: string;
  showRecipient: boolean;
}) {
  if (messages.length === 0) return <p className="text-sm text-muted-foreground">No messages.</p>;
  return (
    <ul className="grid gap-4">
      {messages.map((m) => (
        <li
          key={m.id}
          className="border-b pb-4 last:border-0 last:pb-0"
          data-testid="outbox-message"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="text-sm font-medium">{m.subject}</h3>
            <Badge tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Badge>
          </div>
          <p className="text-xs text-muted-foreground">
            {showRecipient ? `To ${m.recipient} · ` : ""}
            {formatDateTime(m.createdAt)}
          </p>
          {m.error ? <p className="mt-1 text-xs text-destructive">{m.error}</p> : null}
          {m.text ? <Body text={m.text} origin={origin} /> : null}
          {m.withheld ? (
            <p className="mt-1 text-xs text-muted-foreground">{WITHHELD[m.withheld]}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
