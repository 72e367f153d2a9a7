"use client";

// The report's two long lists, drawn from their text: the page's payload carries each item's
// words once rather than a tree of elements beside the HTML.
import { Badge } from "@/components/ui/badge";
import { SpriteIcon } from "@/components/ui/icon-sprite";

export type RecommendationItem = {
  id: string;
  findOut: boolean;
  /** "Unlocks limited production", when doing it unlocks a stage. */
  unlocks: string | null;
  text: string;
  /** Points gained, the question and its current answer, in words. */
  detail: string;
};

/**
 * What would raise readiness most, in order; printed as a compact two-column list. Its items are
 * styled from the list's class (`rec-list` in globals.css), not class by class.
 */
export function RecommendationList({ items }: { items: RecommendationItem[] }) {
  return (
    <ol
      className="rec-list grid gap-3 print:block print:list-decimal print:columns-2 print:gap-6 print:pl-4"
      data-testid="recommendations"
    >
      {items.map((r) => (
        <li key={r.id}>
          <SpriteIcon id={r.findOut ? "results-find-out" : "results-recommendation"} />
          <div>
            <p>
              {r.findOut ? (
                <Badge tone="warning" className="tag">
                  Find out
                </Badge>
              ) : null}
              {r.unlocks ? (
                <Badge tone="info" className="tag">
                  {r.unlocks}
                </Badge>
              ) : null}
              {r.text}
            </p>{" "}
            <p>{r.detail}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The assumptions register of the answers, each with its evidence; two columns on paper. */
export function AssumptionList({
  items,
}: {
  items: { id: string; assumption: string; evidence: string }[];
}) {
  return (
    <ul
      className="grid gap-2 text-sm print:block print:columns-2 print:gap-6"
      data-testid="assumptions"
    >
      {items.map((a) => (
        <li key={a.id} className="flex gap-2 print:mb-1">
          <SpriteIcon
            id="results-assumption"
            className="mt-0.5 size-4 shrink-0 text-muted-foreground print:size-3"
          />
          <span>
            {a.assumption} <span className="text-xs text-muted-foreground">{a.evidence}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
