"use client";

import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * Edge shadows that appear only while there is more to scroll to on that side: the "local"
 * layers cover the shadows at the ends of the content and scroll with it.
 */
const SCROLL_SHADOWS: CSSProperties = {
  background: [
    "linear-gradient(to right, var(--card) 30%, transparent) left center / 2.5rem 100% no-repeat local",
    "linear-gradient(to left, var(--card) 30%, transparent) right center / 2.5rem 100% no-repeat local",
    "radial-gradient(farthest-side at 0 50%, color-mix(in srgb, currentColor 22%, transparent), transparent) left center / 0.875rem 100% no-repeat scroll",
    "radial-gradient(farthest-side at 100% 50%, color-mix(in srgb, currentColor 22%, transparent), transparent) right center / 0.875rem 100% no-repeat scroll",
  ].join(", "),
};

/**
 * A wide table's own scroll box, so the page never scrolls sideways on a phone. While the
 * table is wider than the box, edge shadows and a line of text say so; the box is a named,
 * focusable region so keyboard users can scroll it with the arrow keys. `position: relative`
 * keeps the table's visually hidden text inside the box. Plain markup for now, meant to be
 * replaced by the shared data table.
 */
export function ScrollTable({
  label,
  children,
  className,
}: {
  /** Names the scroll region for screen readers, e.g. "Exit criteria". */
  label: string;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div className="min-w-0">
      <section
        ref={ref}
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        data-testid="scroll-table"
        style={SCROLL_SHADOWS}
        className={cn(
          "relative overflow-x-auto rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
          className,
        )}
      >
        {children}
      </section>
      {overflows ? (
        <p className="mt-1 text-xs text-muted-foreground" data-testid="scroll-hint">
          <span aria-hidden>↔ </span>Scroll sideways to see every column.
        </p>
      ) : null}
    </div>
  );
}
