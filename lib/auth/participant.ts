import { cookies } from "next/headers";
import { getParticipantSession, PARTICIPANT_COOKIE } from "@/db/queries/workshop-participants";
import type { ParticipantContext } from "@/lib/domain/workshops";
import { publicOrigin } from "@/lib/origin";

/**
 * The workshop participant the request's cookie stands for, verified against the database
 * (unknown, expired or closed-workshop sessions are none), or null.
 */
export async function currentParticipant(): Promise<ParticipantContext | null> {
  return getParticipantSession((await cookies()).get(PARTICIPANT_COOKIE)?.value);
}

/**
 * Keeps a participant session in an httpOnly cookie that only the join pages receive. It
 * lasts as long as the session; closing the workshop ends the session on the server.
 */
export async function setParticipantCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(PARTICIPANT_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: (await publicOrigin()).startsWith("https:"),
    expires: expiresAt,
    path: "/join",
  });
}
