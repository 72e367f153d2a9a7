"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** How often a participant's page checks where the facilitator has taken the room. */
const FOLLOW_MS = 4_000;

/**
 * Re-renders the page from the server every few seconds, so a participant's screen follows a
 * led room to the next dimension, and carries on when a paused workshop resumes. Answers being
 * typed are kept: the wizard keeps its state across a refresh.
 */
export function FollowTheRoom() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), FOLLOW_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
