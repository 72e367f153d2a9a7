"use client";

import { CHART_COLORS } from "@/lib/chart-colors";
import type { WorkshopLive } from "@/lib/domain/workshops";
import { WORKSHOP_STATE_LABELS } from "@/lib/domain/workshops";
import { formatPercent } from "@/lib/format";
import { useLiveWorkshop } from "./use-live-workshop";

/** The presenter view's live part: who has joined and how far each dimension has got. */
export function PresenterProgress({ url, initial }: { url: string; initial: WorkshopLive }) {
  const { live, problem } = useLiveWorkshop(url, initial);
  return (
    <section aria-labelledby="progress-heading" className="grid gap-4">
      <h2 id="progress-heading" className="text-xl font-semibold sm:text-3xl" aria-live="polite">
        <span data-testid="presenter-joined">{live.participants}</span>{" "}
        {live.participants === 1 ? "person has" : "people have"} joined
        {live.state !== "open" ? ` · ${WORKSHOP_STATE_LABELS[live.state]}` : ""}
      </h2>
      {problem ? <p className="text-sm text-warning">{problem}</p> : null}
      <ul className="grid gap-3">
        {live.progress.map((p) => {
          const ratio = p.expected ? p.answered / p.expected : 0;
          return (
            <li key={p.dimensionId} className="grid gap-1">
              <div className="flex justify-between gap-3 text-sm sm:text-lg">
                <span>{p.title}</span>
                <span className="tabular-nums">{formatPercent(ratio, 0)}</span>
              </div>
              <div
                className="h-3 overflow-hidden rounded bg-muted"
                role="progressbar"
                aria-label={`${p.title} answered`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(ratio * 100)}
              >
                <div
                  className="h-full"
                  style={{ width: `${ratio * 100}%`, background: CHART_COLORS.primary }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
