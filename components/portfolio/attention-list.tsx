import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import {
  ATTENTION_KIND_LABELS,
  ATTENTION_SEVERITY_LABELS,
  type AttentionItem,
  type AttentionSeverity,
} from "@/lib/domain/portfolio";

const TONES: Record<AttentionSeverity, "danger" | "warning" | "info" | "neutral"> = {
  critical: "danger",
  high: "warning",
  medium: "info",
  low: "neutral",
};

function Row({ item, base }: { item: AttentionItem; base: string }) {
  return (
    <li className="grid gap-1 py-3 text-sm" data-testid="attention-item" data-kind={item.kind}>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Badge tone={TONES[item.severity]} data-severity={item.severity}>
          {ATTENTION_SEVERITY_LABELS[item.severity]}
        </Badge>
        <span className="font-medium">{item.name}</span>
        <span className="text-muted-foreground">· {ATTENTION_KIND_LABELS[item.kind]}</span>
      </p>
      <p className="text-muted-foreground">{item.reason}</p>
      <Link
        href={`${base}/${item.href}`}
        className="w-fit text-primary hover:underline"
        data-testid="attention-link"
      >
        {item.action} →
      </Link>
    </li>
  );
}

/**
 * What needs someone's attention, most severe first; each row says why and links to the
 * place to act. With `limit`, the rest fold behind a disclosure; with `folded` too, the fold
 * holds at most that many and `allHref` links to the page that lists every one (a large
 * organisation can have thousands).
 */
export function AttentionList({
  items,
  base,
  limit,
  folded,
  allHref,
}: {
  items: AttentionItem[];
  base: string;
  limit?: number;
  folded?: number;
  allHref?: string;
}) {
  if (items.length === 0) {
    return (
      <p className="flex items-center gap-2 py-4 text-sm text-muted-foreground">
        <CircleCheck className="size-4 text-success" aria-hidden /> Nothing needs attention in this
        view: no pilot beyond its band, no open Sev1 or Sev2, nothing stalled or waiting for you.
      </p>
    );
  }
  const shown = limit ? items.slice(0, limit) : items;
  const rest = limit ? items.slice(limit, folded === undefined ? undefined : limit + folded) : [];
  const unlisted = items.length - shown.length - rest.length;
  return (
    <>
      <ol className="divide-y" data-testid="attention">
        {shown.map((item) => (
          <Row key={`${item.kind}-${item.href}-${item.name}`} item={item} base={base} />
        ))}
      </ol>
      {rest.length ? (
        <details className="border-t pt-2">
          <summary className="cursor-pointer text-sm text-primary">
            {unlisted > 0
              ? `${rest.length} more of ${items.length}`
              : `${rest.length} more (${items.length} in all)`}
          </summary>
          <ol className="divide-y">
            {rest.map((item) => (
              <Row key={`${item.kind}-${item.href}-${item.name}`} item={item} base={base} />
            ))}
          </ol>
          {unlisted > 0 && allHref ? (
            <p className="border-t py-3 text-sm">
              <Link href={allHref} className="text-primary hover:underline">
                All {items.length} in the portfolio report →
              </Link>
            </p>
          ) : null}
        </details>
      ) : null}
    </>
  );
}
