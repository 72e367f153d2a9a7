"use client";

/** One assumption as read, its words already formatted. */
export type AssumptionItem = {
  id: string;
  /** The status badge's tone (classes of `assumption-list` in globals.css). */
  tone: "danger" | "neutral" | "success";
  statusLabel: string;
  text: string;
  /** "Last changed by …, <date>", or null. */
  changed: string | null;
  evidence: string | null;
};

/**
 * The assumptions register read only (the printed report, a viewer), drawn from its text: the
 * page's payload carries each item's words once rather than a tree of elements beside the HTML.
 */
export function AssumptionListItems({ items }: { items: AssumptionItem[] }) {
  return items.map((a) => (
    <li key={a.id}>
      <p className="text-sm">
        <span className={`status ${a.tone}`}>{a.statusLabel}</span>
        {a.text}
      </p>
      {a.changed ? <p className="small changed">{a.changed}</p> : null}
      {a.evidence ? <p className="small">Evidence: {a.evidence}</p> : null}
    </li>
  ));
}
