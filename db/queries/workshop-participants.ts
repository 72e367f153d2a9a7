import { and, asc, count, eq, gt, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { workshopAnswers, workshopParticipants, workshops } from "@/db/schema";
import { addressBucket } from "@/lib/client-address";
import { randomSecret, sha256 } from "@/lib/crypto";
import type { Actor } from "@/lib/domain/permissions";
import {
  acceptsAnswers,
  acceptsParticipants,
  type JoinableWorkshop,
  MAX_WORKSHOP_PARTICIPANTS,
  normaliseJoinCode,
  type ParticipantAnswer,
  type ParticipantContext,
  type ParticipantView,
  workshopQuestions,
} from "@/lib/domain/workshops";
import { AppError, conflict, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { overLimit, pruneAttempts, takeAttempt } from "./rate-limits";
import { workshopBank } from "./workshops";

/**
 * The participant side of workshops. Nothing here takes a member context: a participant acts
 * through a session bound to one workshop (`ParticipantContext`, built from the cookie by
 * `getParticipantSession`), and every read and write is scoped to that participant and that
 * workshop. Nothing else of the organisation is reachable from here.
 */

/**
 * Wrong codes tried per minute, per client address and across everyone: a room of 50 mistyping
 * stays well within, a guesser of 887 million codes gets nowhere.
 */
export const JOIN_CODE_LIMITS = { windowMs: 60_000, perAddress: 10, global: 300 };

/** A participant session lasts at most this long, and ends when the workshop closes. */
const SESSION_HOURS = 12;

/** The cookie the participant session token travels in. */
export const PARTICIPANT_COOKIE = "preflight-workshop";
const TOKEN_PREFIX = "pws_";

const notJoinable = () => notFound("No workshop has this code");

const rateLimited = (retryAfterMs: number) =>
  new AppError(
    "rate_limited",
    "Too many codes tried; wait a minute, then check the code on the screen.",
    undefined,
    { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) },
  );

/**
 * Looks a typed code up. Only a wrong code counts as a guess (per address and across
 * everyone): a room on one network joining at once never uses up the limit. A right code is
 * still refused where the limit is already spent, so a guesser held back learns nothing, not
 * even that a code is right. Throws rate_limited when over the limit, not_found for a wrong
 * code.
 */
async function lookUpCode(input: string, address: string | null, now: Date) {
  const rules = [
    ...(address
      ? [{ key: `workshop-code:ip:${addressBucket(address)}`, limit: JOIN_CODE_LIMITS.perAddress }]
      : []),
    { key: "workshop-code:all", limit: JOIN_CODE_LIMITS.global },
  ];
  await pruneAttempts(now);
  const code = normaliseJoinCode(input);
  const [row] = code
    ? await db
        .select({
          id: workshops.id,
          orgId: workshops.orgId,
          title: workshops.title,
          state: workshops.state,
          roleTags: workshops.roleTags,
          anonymous: workshops.anonymous,
          joinCode: workshops.joinCode,
        })
        .from(workshops)
        .where(eq(workshops.joinCode, code))
    : [];
  if (row) {
    const over = await overLimit(rules, JOIN_CODE_LIMITS.windowMs, now);
    if (over) throw rateLimited(over.retryAfterMs);
    return row;
  }
  // Recorded before it is counted, so a burst of wrong guesses cannot all pass the count.
  const attempt = await takeAttempt(rules, JOIN_CODE_LIMITS.windowMs, now);
  if (!attempt.ok) throw rateLimited(attempt.retryAfterMs);
  throw notJoinable();
}

/** What the join page shows for a code: the workshop's title and role tags (rate-limited). */
export async function findWorkshopByCode(
  code: string,
  address: string | null,
  now = new Date(),
): Promise<JoinableWorkshop> {
  const w = await lookUpCode(code, address, now);
  return {
    code: w.joinCode,
    title: w.title,
    state: w.state,
    roleTags: w.roleTags,
    anonymous: w.anonymous,
  };
}

export type JoinInput = {
  code: string;
  displayName: string;
  roleTag: string | null;
  /** A signed-in person continuing with their account; null for a guest. */
  user: { id: string; label: string } | null;
  address: string | null;
};

/**
 * Joins an open workshop by its code and starts a participant session: the token is returned
 * only here (for the cookie); its hash is stored. A member who joins again gets a new session
 * for the same participant. At most 50 people join one workshop.
 */
export async function joinWorkshop(
  input: JoinInput,
  now = new Date(),
): Promise<{ token: string; participant: ParticipantContext; expiresAt: Date }> {
  const found = await lookUpCode(input.code, input.address, now);
  if (input.roleTag !== null && !found.roleTags.includes(input.roleTag)) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      roleTag: ["Choose one of the roles listed."],
    });
  }
  if (input.roleTag === null && found.roleTags.length > 0) {
    throw new AppError("invalid_input", "Some fields need your attention.", {
      roleTag: ["Choose the role closest to yours."],
    });
  }
  const token = randomSecret(TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  return db.transaction(async (tx) => {
    // Locking the workshop serialises joins, so the 51st person cannot slip in beside the 50th.
    const [workshop] = await tx
      .select({ state: workshops.state, title: workshops.title })
      .from(workshops)
      .where(eq(workshops.id, found.id))
      .for("update");
    if (!workshop || !acceptsParticipants(workshop.state)) {
      throw conflict("This workshop is not open for joining.");
    }
    if (input.user) {
      const [existing] = await tx
        .update(workshopParticipants)
        .set({
          sessionTokenHash: sha256(token),
          expiresAt,
          displayName: input.displayName,
          roleTag: input.roleTag,
        })
        .where(
          and(
            eq(workshopParticipants.workshopId, found.id),
            eq(workshopParticipants.userId, input.user.id),
          ),
        )
        .returning({ id: workshopParticipants.id });
      if (existing) {
        return {
          token,
          expiresAt,
          participant: { participantId: existing.id, workshopId: found.id },
        };
      }
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(workshopParticipants)
      .where(eq(workshopParticipants.workshopId, found.id));
    if (n >= MAX_WORKSHOP_PARTICIPANTS) {
      throw conflict(`This workshop is full: ${MAX_WORKSHOP_PARTICIPANTS} people have joined.`);
    }
    const [row] = await tx
      .insert(workshopParticipants)
      .values({
        workshopId: found.id,
        userId: input.user?.id ?? null,
        displayName: input.displayName,
        roleTag: input.roleTag,
        sessionTokenHash: sha256(token),
        expiresAt,
      })
      .returning({ id: workshopParticipants.id });
    if (!row) throw new Error("insert returned no row");
    const actor: Actor = input.user
      ? { type: "user", userId: input.user.id, label: input.user.label }
      : { type: "system", label: "a guest" };
    await writeAudit(tx, found.orgId, actor, {
      action: "workshop.joined",
      entityType: "workshop",
      entityId: found.id,
      after: {
        title: workshop.title,
        // An anonymous workshop keeps names out of the log too.
        displayName: found.anonymous ? null : input.displayName,
        roleTag: input.roleTag,
      },
    });
    return { token, expiresAt, participant: { participantId: row.id, workshopId: found.id } };
  });
}

/**
 * The participant session a cookie's token stands for, or null when it is unknown, expired,
 * or its workshop is closed.
 */
export async function getParticipantSession(
  token: string | undefined,
  now = new Date(),
): Promise<ParticipantContext | null> {
  if (!token?.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({ participantId: workshopParticipants.id, workshopId: workshopParticipants.workshopId })
    .from(workshopParticipants)
    .innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
    .where(
      and(
        eq(workshopParticipants.sessionTokenHash, sha256(token)),
        gt(workshopParticipants.expiresAt, now),
        ne(workshops.state, "closed"),
      ),
    );
  return row ?? null;
}

/** The participant's own row, and only while it belongs to the workshop of the session. */
const isParticipant = (p: ParticipantContext) =>
  and(
    eq(workshopParticipants.id, p.participantId),
    eq(workshopParticipants.workshopId, p.workshopId),
  );

/** The columns of an answer as its participant gave it. */
export const ownAnswerColumns = {
  questionId: workshopAnswers.questionId,
  optionId: workshopAnswers.optionId,
  dontKnow: workshopAnswers.dontKnow,
  comment: workshopAnswers.comment,
};

/** The participant's own answers in their own workshop, and nobody else's. */
export async function listOwnAnswers(p: ParticipantContext): Promise<ParticipantAnswer[]> {
  return db
    .select(ownAnswerColumns)
    .from(workshopAnswers)
    .where(
      and(
        eq(workshopAnswers.participantId, p.participantId),
        eq(workshopAnswers.workshopId, p.workshopId),
      ),
    )
    .orderBy(asc(workshopAnswers.questionId));
}

/** What a participant's screen shows: their workshop's questions and their own answers. */
export async function getParticipantView(p: ParticipantContext): Promise<ParticipantView> {
  const [row] = await db
    .select({
      title: workshops.title,
      joinCode: workshops.joinCode,
      state: workshops.state,
      pace: workshops.pace,
      currentDimension: workshops.currentDimension,
      bankVersion: workshops.bankVersion,
      dimensions: workshops.dimensions,
      displayName: workshopParticipants.displayName,
      roleTag: workshopParticipants.roleTag,
    })
    .from(workshopParticipants)
    .innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
    .where(isParticipant(p));
  if (!row) throw notFound("The workshop");
  const bank = workshopBank(row.bankVersion);
  return {
    workshopTitle: row.title,
    joinCode: row.joinCode,
    state: row.state,
    pace: row.pace,
    currentDimension: row.currentDimension,
    displayName: row.displayName,
    roleTag: row.roleTag,
    dimensions: bank.dimensions
      .filter((d) => row.dimensions.includes(d.id))
      .map(({ id, title, description }) => ({ id, title, description })),
    questions: workshopQuestions(bank, row.dimensions),
    answers: await listOwnAnswers(p),
  };
}

export type ParticipantAnswerInput = {
  questionId: string;
  /** An option of the question, or null with `dontKnow`. */
  optionId: string | null;
  dontKnow: boolean;
  comment: string | null;
};

/**
 * Saves the participant's answer to one question of their workshop (a rewrite replaces it).
 * Refused unless the workshop is open; the state is checked in the same transaction, under a
 * share lock, so an answer cannot land after the facilitator closed or paused it.
 */
export async function saveOwnAnswer(
  p: ParticipantContext,
  input: ParticipantAnswerInput,
): Promise<{ savedAt: Date }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        state: workshops.state,
        bankVersion: workshops.bankVersion,
        dimensions: workshops.dimensions,
      })
      .from(workshopParticipants)
      .innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
      .where(isParticipant(p))
      .for("share", { of: workshops });
    if (!row) throw notFound("The workshop");
    if (!acceptsAnswers(row.state)) {
      throw conflict(
        row.state === "paused"
          ? "The facilitator has paused the workshop; your answer was not saved."
          : "This workshop is not taking answers.",
      );
    }
    const question = workshopQuestions(workshopBank(row.bankVersion), row.dimensions).find(
      (q) => q.id === input.questionId,
    );
    if (!question) throw notFound("The question");
    const optionId = input.dontKnow ? null : input.optionId;
    if (!input.dontKnow && !question.options.some((o) => o.id === optionId)) {
      throw new AppError("invalid_input", "Choose one of the answers, or \u201cDon't know\u201d.", {
        optionId: ["Choose one of the answers."],
      });
    }
    const values = {
      optionId,
      dontKnow: input.dontKnow,
      comment: input.comment?.trim() || null,
    };
    const [saved] = await tx
      .insert(workshopAnswers)
      .values({
        participantId: p.participantId,
        workshopId: p.workshopId,
        questionId: question.id,
        ...values,
      })
      .onConflictDoUpdate({
        target: [workshopAnswers.participantId, workshopAnswers.questionId],
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning({ savedAt: workshopAnswers.updatedAt });
    if (!saved) throw new Error("upsert returned no row");
    return saved;
  });
}
