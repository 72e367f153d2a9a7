import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNotNull, max, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  useCases,
  workshopAnswers,
  workshopConsensus,
  workshopParticipants,
  workshops,
} from "@/db/schema";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import {
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
  type QuestionBank,
} from "@/lib/domain/question-bank";
import {
  aggregateAnswers,
  type ConsensusAnswer,
  type ConsensusInput,
  canTransitionWorkshop,
  dimensionProgress,
  divergenceHeatMap,
  JOIN_CODE_LENGTH,
  joinCodeFromBytes,
  mostChosen,
  normaliseRoleTags,
  type RoomDisagreements,
  roomWasSplit,
  sortByDisagreement,
  type WorkshopAnswerRow,
  type WorkshopComment,
  type WorkshopDto,
  type WorkshopInput,
  type WorkshopLive,
  type WorkshopParticipantDto,
  type WorkshopState,
  workshopQuestions,
} from "@/lib/domain/workshops";
import { workshopAnswersToCsv } from "@/lib/domain/workshops/csv";
import { AppError, assertId, conflict, notFound } from "@/lib/errors";
import { saveAnswers, startAssessment } from "./assessments";
import { writeAudit } from "./internal/audit";
import { runIdempotent } from "./internal/idempotency";
import { countWorkshopAnswers } from "./internal/workshop-answers";

/** Workshops with the name of their use case and how many people have joined. */
const selectWorkshops = (tx: Executor) =>
  tx
    .select({
      id: workshops.id,
      useCaseId: workshops.useCaseId,
      useCaseName: useCases.name,
      title: workshops.title,
      date: workshops.date,
      bankVersion: workshops.bankVersion,
      dimensions: workshops.dimensions,
      roleTags: workshops.roleTags,
      anonymous: workshops.anonymous,
      state: workshops.state,
      joinCode: workshops.joinCode,
      pace: workshops.pace,
      currentDimension: workshops.currentDimension,
      assessmentId: workshops.assessmentId,
      participants: sql<number>`(select count(*) from ${workshopParticipants} where ${workshopParticipants.workshopId} = ${workshops.id})::int`,
      closedAt: workshops.closedAt,
      version: workshops.version,
      createdAt: workshops.createdAt,
      updatedAt: workshops.updatedAt,
    })
    .from(workshops)
    .innerJoin(useCases, eq(useCases.id, workshops.useCaseId));

/** The question bank a workshop was set up on (always a shipped one). */
export function workshopBank(version: string): QuestionBank {
  const bank = getQuestionBank(version);
  if (!bank) throw new Error(`Unknown question bank ${version}`);
  return bank;
}

/** The organisation's workshops, newest date first (every role). */
export async function listWorkshops(
  ctx: MemberContext,
  filters: { useCaseId?: string } = {},
): Promise<WorkshopDto[]> {
  assertCan(ctx, "workshop:read");
  return selectWorkshops(db)
    .where(
      and(
        eq(workshops.orgId, ctx.orgId),
        filters.useCaseId ? eq(workshops.useCaseId, filters.useCaseId) : undefined,
      ),
    )
    .orderBy(desc(workshops.date), desc(workshops.createdAt))
    .limit(500);
}

/** One workshop of the caller's organisation (every role). */
export async function getWorkshop(
  ctx: MemberContext,
  id: string,
  tx: Executor = db,
): Promise<WorkshopDto> {
  assertCan(ctx, "workshop:read");
  assertId(id, "The workshop");
  const [row] = await selectWorkshops(tx).where(
    and(eq(workshops.orgId, ctx.orgId), eq(workshops.id, id)),
  );
  if (!row) throw notFound("The workshop");
  return row;
}

const snapshot = (w: Omit<WorkshopInput, "useCaseId"> & { useCaseId?: string }) => ({
  useCaseId: w.useCaseId,
  title: w.title,
  date: w.date,
  dimensions: w.dimensions,
  roleTags: w.roleTags,
  anonymous: w.anonymous,
  pace: w.pace,
});

/** Field errors when the chosen dimensions are not the bank's, or none are chosen. */
function checkInput(bank: QuestionBank, input: Pick<WorkshopInput, "dimensions" | "roleTags">) {
  const known = new Set(bank.dimensions.map((d) => d.id));
  const fields: Record<string, string[]> = {};
  if (input.dimensions.length === 0 || input.dimensions.some((d) => !known.has(d))) {
    fields.dimensions = ["Choose at least one dimension of the questionnaire."];
  }
  if (input.roleTags.length > 12) fields.roleTags = ["At most 12 role tags."];
  if (Object.keys(fields).length) {
    throw new AppError("invalid_input", "Some fields need your attention.", fields);
  }
}

/**
 * Sets a workshop up as a draft on the current question bank (leads and above), with a join
 * code unique across all workshops.
 */
export async function createWorkshop(
  ctx: MemberContext,
  input: WorkshopInput,
): Promise<WorkshopDto> {
  return db.transaction(workshopInsert(ctx, input));
}

/** The same through the API: a retry with the same Idempotency-Key returns the first workshop. */
export async function createWorkshopIdempotent(
  ctx: MemberContext,
  input: WorkshopInput,
  idempotency: { key: string; body: unknown },
) {
  const insert = workshopInsert(ctx, input);
  return db.transaction((tx) =>
    runIdempotent(tx, ctx.orgId, "workshops", idempotency.key, idempotency.body, async () => ({
      status: 201,
      body: await insert(tx),
    })),
  );
}

/** Checks who sets up what, then gives the insertion to run in a transaction. */
function workshopInsert(
  ctx: MemberContext,
  input: WorkshopInput,
): (tx: Executor) => Promise<WorkshopDto> {
  assertCan(ctx, "workshop:manage");
  assertId(input.useCaseId, "The use case");
  const bank = workshopBank(CURRENT_QUESTION_BANK_VERSION);
  const clean = {
    ...input,
    roleTags: normaliseRoleTags(input.roleTags),
    // Bank order, whatever order the form sent them in.
    dimensions: bank.dimensions.map((d) => d.id).filter((d) => input.dimensions.includes(d)),
  };
  checkInput(bank, { ...clean, dimensions: input.dimensions });
  return async (tx) => {
    const [useCase] = await tx
      .select({ id: useCases.id })
      .from(useCases)
      .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, input.useCaseId)));
    if (!useCase) throw notFound("The use case");
    // 31^6 codes: a collision is rare, and retried with a fresh code.
    for (let attempt = 0; attempt < 5; attempt++) {
      const [row] = await tx
        .insert(workshops)
        .values({
          ...clean,
          orgId: ctx.orgId,
          bankVersion: bank.version,
          joinCode: joinCodeFromBytes(randomBytes(JOIN_CODE_LENGTH)),
          createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        })
        .onConflictDoNothing({ target: workshops.joinCode })
        .returning({ id: workshops.id });
      if (!row) continue;
      await writeAudit(tx, ctx.orgId, ctx.actor, {
        action: "workshop.created",
        entityType: "workshop",
        entityId: row.id,
        after: snapshot(clean),
      });
      return getWorkshop(ctx, row.id, tx);
    }
    throw new Error("could not find a free join code");
  };
}

/**
 * Edits a workshop's set-up (leads and above); the dimensions only while it is a draft, since
 * answers already given belong to them. Refuses a closed workshop and a stale `version`.
 */
export async function updateWorkshop(
  ctx: MemberContext,
  id: string,
  input: Omit<WorkshopInput, "useCaseId"> & { version: number },
): Promise<WorkshopDto> {
  assertCan(ctx, "workshop:manage");
  return db.transaction(async (tx) => {
    const before = await getWorkshop(ctx, id, tx);
    if (before.state === "closed") throw conflict("A closed workshop cannot be changed.");
    const bank = workshopBank(before.bankVersion);
    const { version, ...changes } = input;
    const clean = {
      ...changes,
      roleTags: normaliseRoleTags(changes.roleTags),
      dimensions: bank.dimensions.map((d) => d.id).filter((d) => changes.dimensions.includes(d)),
    };
    checkInput(bank, { ...clean, dimensions: changes.dimensions });
    if (before.state !== "draft" && !sameList(clean.dimensions, before.dimensions)) {
      throw new AppError("invalid_input", "Some fields need your attention.", {
        dimensions: ["The dimensions are fixed once the workshop has been opened."],
      });
    }
    const [row] = await tx
      .update(workshops)
      .set({ ...clean, version: sql`${workshops.version} + 1` })
      .where(
        and(eq(workshops.orgId, ctx.orgId), eq(workshops.id, id), eq(workshops.version, version)),
      )
      .returning({ id: workshops.id });
    if (!row) throw staleWorkshop();
    const after = await getWorkshop(ctx, id, tx);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "workshop.updated",
      entityType: "workshop",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const staleWorkshop = () =>
  conflict("Someone else changed this workshop since you opened it. Reload, then try again.");

/**
 * Audits one field of a workshop changing (named by its title, which the sentence reads), and
 * returns the workshop as it is now.
 */
async function auditedChange<K extends "state" | "currentDimension">(
  tx: Executor,
  ctx: MemberContext,
  before: WorkshopDto,
  action: string,
  field: K,
  value: WorkshopDto[K],
): Promise<WorkshopDto> {
  await writeAudit(tx, ctx.orgId, ctx.actor, {
    action,
    entityType: "workshop",
    entityId: before.id,
    before: { title: before.title, [field]: before[field] },
    after: { title: before.title, [field]: value },
  });
  return getWorkshop(ctx, before.id, tx);
}

const STATE_ACTIONS: Record<WorkshopState, string> = {
  draft: "workshop.updated",
  open: "workshop.opened",
  paused: "workshop.paused",
  closed: "workshop.closed",
};

/**
 * Opens, pauses, resumes or closes a workshop (leads and above). Closing is final: it ends
 * every participant session of the workshop at once.
 */
export async function setWorkshopState(
  ctx: MemberContext,
  id: string,
  to: WorkshopState,
  version: number,
): Promise<WorkshopDto> {
  assertCan(ctx, "workshop:manage");
  return db.transaction(async (tx) => {
    const before = await getWorkshop(ctx, id, tx);
    if (!canTransitionWorkshop(before.state, to)) {
      throw conflict(`A ${before.state} workshop cannot become ${to}.`);
    }
    const [row] = await tx
      .update(workshops)
      .set({
        state: to,
        closedAt: to === "closed" ? sql`now()` : null,
        version: sql`${workshops.version} + 1`,
      })
      .where(
        and(
          eq(workshops.orgId, ctx.orgId),
          eq(workshops.id, id),
          eq(workshops.version, version),
          eq(workshops.state, before.state),
        ),
      )
      .returning({ id: workshops.id });
    if (!row) throw staleWorkshop();
    if (to === "closed") {
      await tx
        .update(workshopParticipants)
        .set({ expiresAt: sql`now()` })
        .where(eq(workshopParticipants.workshopId, id));
    }
    return auditedChange(tx, ctx, before, STATE_ACTIONS[to], "state", to);
  });
}

/**
 * In a led workshop, moves the room to a dimension (leads and above): participants' screens
 * follow on their next refresh. Null lets everyone roam again.
 */
export async function leadWorkshopTo(
  ctx: MemberContext,
  id: string,
  dimensionId: string | null,
): Promise<WorkshopDto> {
  assertCan(ctx, "workshop:manage");
  return db.transaction(async (tx) => {
    const before = await getWorkshop(ctx, id, tx);
    if (before.state === "closed") throw conflict("A closed workshop cannot be changed.");
    if (dimensionId !== null && !before.dimensions.includes(dimensionId)) {
      throw new AppError("invalid_input", "Choose one of the workshop's dimensions.", {
        dimensionId: ["Choose one of the workshop's dimensions."],
      });
    }
    await tx
      .update(workshops)
      .set({ currentDimension: dimensionId, version: sql`${workshops.version} + 1` })
      .where(and(eq(workshops.orgId, ctx.orgId), eq(workshops.id, id)));
    return auditedChange(tx, ctx, before, "workshop.led", "currentDimension", dimensionId);
  });
}

/** The order participants are numbered in: 1, 2, 3… as they joined. */
const joinOrder = [asc(workshopParticipants.createdAt), asc(workshopParticipants.id)];

/** Each participant's number (1, 2, 3… in the order they joined) by participant id. */
async function participantNumbers(workshopId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: workshopParticipants.id })
    .from(workshopParticipants)
    .where(eq(workshopParticipants.workshopId, workshopId))
    .orderBy(...joinOrder);
  return new Map(rows.map((p, i) => [p.id, i + 1]));
}

/** The people who joined, in the order they joined; names left out when anonymous. */
export async function listWorkshopParticipants(
  ctx: MemberContext,
  id: string,
): Promise<WorkshopParticipantDto[]> {
  const workshop = await getWorkshop(ctx, id);
  const rows = await db
    .select({
      displayName: workshopParticipants.displayName,
      roleTag: workshopParticipants.roleTag,
      member: sql<boolean>`${workshopParticipants.userId} is not null`,
      joinedAt: workshopParticipants.createdAt,
      answered: sql<number>`(select count(*) from ${workshopAnswers} where ${workshopAnswers.participantId} = ${workshopParticipants.id})::int`,
    })
    .from(workshopParticipants)
    .where(eq(workshopParticipants.workshopId, workshop.id))
    .orderBy(...joinOrder);
  return rows.map((r, i) => ({
    ...r,
    number: i + 1,
    displayName: workshop.anonymous ? null : r.displayName,
  }));
}

/**
 * The live view: answers counted in SQL per question, option and role tag, and what the
 * domain derives from the counts (distributions, disagreement, the heat map, progress), with
 * the comments. Read from the database on every call, so any app instance answers the same.
 */
export async function getWorkshopLive(ctx: MemberContext, id: string): Promise<WorkshopLive> {
  const workshop = await getWorkshop(ctx, id);
  const bank = workshopBank(workshop.bankVersion);
  const questions = workshopQuestions(bank, workshop.dimensions);
  const dimensions = bank.dimensions.filter((d) => workshop.dimensions.includes(d.id));
  const [counts, numbers, comments, [last]] = await Promise.all([
    countWorkshopAnswers(db, workshop.id),
    participantNumbers(workshop.id),
    db
      .select({
        participantId: workshopAnswers.participantId,
        questionId: workshopAnswers.questionId,
        displayName: workshopParticipants.displayName,
        roleTag: workshopParticipants.roleTag,
        comment: workshopAnswers.comment,
        updatedAt: workshopAnswers.updatedAt,
      })
      .from(workshopAnswers)
      .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopAnswers.participantId))
      .where(and(eq(workshopAnswers.workshopId, workshop.id), isNotNull(workshopAnswers.comment)))
      .orderBy(asc(workshopAnswers.updatedAt)),
    db
      .select({ at: max(workshopAnswers.updatedAt) })
      .from(workshopAnswers)
      .where(eq(workshopAnswers.workshopId, workshop.id)),
  ]);
  const aggregates = aggregateAnswers(questions, workshop.roleTags, counts);
  return {
    state: workshop.state,
    participants: numbers.size,
    questions: aggregates,
    heatMap: divergenceHeatMap(aggregates, questions, dimensions, workshop.roleTags),
    progress: dimensionProgress(aggregates, dimensions, numbers.size),
    comments: comments.map(
      (c): WorkshopComment => ({
        questionId: c.questionId,
        author: workshop.anonymous
          ? `Participant ${numbers.get(c.participantId) ?? "?"}`
          : c.displayName,
        roleTag: c.roleTag,
        comment: c.comment ?? "",
        updatedAt: new Date(c.updatedAt).toISOString(),
      }),
    ),
    lastAnswerAt: last?.at ? new Date(last.at).toISOString() : null,
  };
}

/** The consensus recorded so far, in no particular order (every role). */
export async function listConsensus(ctx: MemberContext, id: string): Promise<ConsensusAnswer[]> {
  const workshop = await getWorkshop(ctx, id);
  const rows = await db
    .select({
      questionId: workshopConsensus.questionId,
      optionId: workshopConsensus.optionId,
      dontKnow: workshopConsensus.dontKnow,
      note: workshopConsensus.note,
      updatedAt: workshopConsensus.updatedAt,
    })
    .from(workshopConsensus)
    .where(eq(workshopConsensus.workshopId, workshop.id));
  return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
}

/**
 * Records what the room agreed for one question (leads and above), with a note where it
 * disagreed; a second recording replaces the first. Refused for a draft, and once the
 * workshop has become an assessment.
 */
export async function recordConsensus(
  ctx: MemberContext,
  id: string,
  input: ConsensusInput,
): Promise<ConsensusAnswer> {
  assertCan(ctx, "workshop:manage");
  return db.transaction(async (tx) => {
    const workshop = await getWorkshop(ctx, id, tx);
    if (workshop.state === "draft") throw conflict("Open the workshop before recording answers.");
    if (workshop.assessmentId) {
      throw conflict("This workshop is already an assessment: change the answers there.");
    }
    const question = workshopQuestions(
      workshopBank(workshop.bankVersion),
      workshop.dimensions,
    ).find((q) => q.id === input.questionId);
    if (!question) throw notFound("The question");
    const option = input.dontKnow ? null : question.options.find((o) => o.id === input.optionId);
    if (!input.dontKnow && !option) {
      throw new AppError("invalid_input", "Choose the agreed answer, or \u201cDon't know\u201d.", {
        optionId: ["Choose the agreed answer."],
      });
    }
    const values = {
      optionId: option?.id ?? null,
      dontKnow: input.dontKnow,
      note: input.note?.trim() || null,
      recordedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
    };
    const [row] = await tx
      .insert(workshopConsensus)
      .values({ workshopId: workshop.id, questionId: question.id, ...values })
      .onConflictDoUpdate({
        target: [workshopConsensus.workshopId, workshopConsensus.questionId],
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning({ updatedAt: workshopConsensus.updatedAt });
    if (!row) throw new Error("upsert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "workshop.consensus_recorded",
      entityType: "workshop",
      entityId: workshop.id,
      after: {
        title: workshop.title,
        question: question.prompt,
        answer: option?.label ?? "Don't know",
        note: values.note,
      },
    });
    return {
      questionId: question.id,
      optionId: values.optionId,
      dontKnow: values.dontKnow,
      note: values.note,
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  });
}

/**
 * Turns a closed workshop's consensus into a new assessment of its use case, linked to the
 * workshop (leads and above). The assessment starts as any re-assessment does (from the
 * previous one's answers, where there is one), the room's consensus replacing them, and is
 * then reviewed and submitted in the wizard. Refused while another assessment of the use case
 * is in progress, and a second time.
 */
export async function convertWorkshopToAssessment(
  ctx: MemberContext,
  id: string,
): Promise<{ assessmentId: string }> {
  assertCan(ctx, "workshop:manage");
  const workshop = await getWorkshop(ctx, id);
  if (workshop.state !== "closed") throw conflict("Close the workshop before converting it.");
  if (workshop.assessmentId) throw conflict("This workshop is already an assessment.");
  const consensus = await listConsensus(ctx, id);
  if (consensus.length === 0) {
    throw conflict("Record the room's answer to at least one question first.");
  }
  const started = await startAssessment(ctx, workshop.useCaseId);
  if (!started.created) {
    throw conflict(
      "An assessment of this use case is already in progress: submit it first, then convert the workshop.",
    );
  }
  await saveAnswers(
    ctx,
    started.id,
    consensus.map((c) =>
      c.dontKnow || !c.optionId
        ? { questionId: c.questionId, dontKnow: true as const }
        : { questionId: c.questionId, optionId: c.optionId },
    ),
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(workshops)
      .set({ assessmentId: started.id, version: sql`${workshops.version} + 1` })
      .where(
        and(
          eq(workshops.orgId, ctx.orgId),
          eq(workshops.id, id),
          sql`${workshops.assessmentId} is null`,
        ),
      )
      .returning({ id: workshops.id });
    if (!row) throw conflict("This workshop is already an assessment.");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "workshop.converted",
      entityType: "workshop",
      entityId: id,
      after: { title: workshop.title, assessmentId: started.id, answers: consensus.length },
    });
    return { assessmentId: started.id };
  });
}

/**
 * Where the room disagreed, for the results of the assessment a workshop became (every role);
 * null when the assessment did not come from a workshop.
 */
export async function getRoomDisagreements(
  ctx: MemberContext,
  assessmentId: string,
): Promise<RoomDisagreements | null> {
  assertCan(ctx, "workshop:read");
  assertId(assessmentId, "The assessment");
  const [row] = await db
    .select({ id: workshops.id })
    .from(workshops)
    .where(and(eq(workshops.orgId, ctx.orgId), eq(workshops.assessmentId, assessmentId)));
  if (!row) return null;
  const [workshop, live, consensus] = await Promise.all([
    getWorkshop(ctx, row.id),
    getWorkshopLive(ctx, row.id),
    listConsensus(ctx, row.id),
  ]);
  const notes = new Map(consensus.map((c) => [c.questionId, c.note]));
  return {
    workshopId: workshop.id,
    title: workshop.title,
    date: workshop.date,
    participants: live.participants,
    questions: sortByDisagreement(live.questions)
      .filter(roomWasSplit)
      .map((q) => ({
        questionId: q.questionId,
        prompt: q.prompt,
        disagreement: q.disagreement ?? 0,
        byRole: q.byRole.map((r) => ({
          roleTag: r.roleTag,
          mostChose: mostChosen(r)?.label ?? null,
          answers: r.scored + r.dontKnow,
        })),
        note: notes.get(q.questionId) ?? null,
      })),
  };
}

/**
 * Every individual answer, participant by participant in the order they joined, in
 * questionnaire order (every role); names left out when the workshop is anonymous.
 */
export async function listWorkshopAnswers(
  ctx: MemberContext,
  id: string,
): Promise<WorkshopAnswerRow[]> {
  const workshop = await getWorkshop(ctx, id);
  const bank = workshopBank(workshop.bankVersion);
  const [numbers, answers] = await Promise.all([
    participantNumbers(workshop.id),
    db
      .select({
        participantId: workshopAnswers.participantId,
        displayName: workshopParticipants.displayName,
        roleTag: workshopParticipants.roleTag,
        member: sql<boolean>`${workshopParticipants.userId} is not null`,
        questionId: workshopAnswers.questionId,
        optionId: workshopAnswers.optionId,
        dontKnow: workshopAnswers.dontKnow,
        comment: workshopAnswers.comment,
        updatedAt: workshopAnswers.updatedAt,
      })
      .from(workshopAnswers)
      .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopAnswers.participantId))
      .where(eq(workshopAnswers.workshopId, workshop.id)),
  ]);
  const order = new Map(bank.questions.map((q, i) => [q.id, i]));
  return answers
    .map((a): WorkshopAnswerRow => {
      const question = bank.questions.find((q) => q.id === a.questionId);
      const option = question?.options.find((o) => o.id === a.optionId);
      return {
        participant: numbers.get(a.participantId) ?? 0,
        displayName: workshop.anonymous ? null : a.displayName,
        roleTag: a.roleTag,
        member: a.member,
        dimension: bank.dimensions.find((d) => d.id === question?.dimensionId)?.title ?? "",
        questionId: a.questionId,
        prompt: question?.prompt ?? a.questionId,
        answer: a.dontKnow ? null : (option?.label ?? a.optionId),
        score: a.dontKnow ? null : (option?.score ?? null),
        dontKnow: a.dontKnow,
        comment: a.comment,
        updatedAt: a.updatedAt,
      };
    })
    .sort(
      (x, y) =>
        x.participant - y.participant ||
        (order.get(x.questionId) ?? 0) - (order.get(y.questionId) ?? 0),
    );
}

/**
 * The CSV of every individual answer (every role): participant numbers, and no name column at
 * all when the workshop is anonymous.
 */
export async function workshopAnswersCsv(
  ctx: MemberContext,
  id: string,
): Promise<{ name: string; csv: string }> {
  const [workshop, rows] = await Promise.all([getWorkshop(ctx, id), listWorkshopAnswers(ctx, id)]);
  return { name: "workshop-answers", csv: workshopAnswersToCsv(rows, workshop.anonymous) };
}
