"use client";

import { useEffect, useState } from "react";
import type { WorkshopLive } from "@/lib/domain/workshops";

/** How often the facilitator's and the presenter's screens ask for the room's answers. */
export const LIVE_POLL_MS = 2_000;

/**
 * The live numbers of a workshop, starting from what the server rendered and refreshed from
 * `url` every two seconds until the workshop closes. A failed poll keeps the last numbers and
 * says so; the next one tries again.
 */
export function useLiveWorkshop(url: string, initial: WorkshopLive) {
  const [live, setLive] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const closed = live.state === "closed";
  useEffect(() => {
    if (closed) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as WorkshopLive;
        if (!stopped) {
          setLive(next);
          setProblem(null);
        }
      } catch {
        if (!stopped) setProblem("Live updates are interrupted; retrying…");
      }
      if (!stopped) timer = setTimeout(poll, LIVE_POLL_MS);
    };
    timer = setTimeout(poll, LIVE_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [url, closed]);
  return { live, problem };
}
