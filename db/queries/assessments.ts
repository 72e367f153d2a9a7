import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import { db, type Executor, type Transaction } from "@/db";
import { assessmentAnswers, assessments, useCases, users } from "@/db/schema";
import type { InventoryAction } from "@/lib/domain/actions";
import type { AssessmentSummary } from "@/lib/domain/assessments";
import { assertCan, type MemberContext } from "@/lib/domain/permissions";
import {
  type AnswerInput,
  applicableQuestionIds,
  type CarryOver,
  CURRENT_QUESTION_BANK_VERSION,
  carryOverAnswers,
  getQuestionBank,
  type QuestionBank,
  validateAnswer,
} from "@/lib/domain/question-bank";
import { toAnswerInput } from "@/lib/domain/question-bank/answers";
import { type AssessmentResult, normaliseResult, scoreAssessment } from "@/lib/domain/scoring";
import { AppError, assertId, conflict, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";
import { roomSplitsOfAssessment } from "./internal/workshop-answers";
import { listInventory } from "./inventory";

export type AssessmentStatus = (typeof assessments.status.enumValues)[number];

export type AssessmentSummaryDto = AssessmentSummary;

export type AnswerDto = {
  questionId: string;
  optionId: string | null;
  dontKnow: boolean;
  evidence: string | null;
  revision: number;
  answeredByName: string | null;
  updatedAt: Date;
};

export type AssessmentDto = AssessmentSummaryDto & {
  previousId: string | null;
  version: number;
  answers: AnswerDto[];
  inventory: InventoryAction[];
  result: AssessmentResult | null;
};

const summaryColumns = {
  id: assessments.id,
  useCaseId: assessments.useCaseId,
  useCaseName: useCases.name,
  bankVersion: assessments.bankVersion,
  status: assessments.status,
  overall: assessments.overall,
  band: assessments.band,
  confidence: assessments.confidence,
  createdByName: users.name,
  createdAt: assessments.createdAt,
  submittedAt: assessments.submittedAt,
  answered: sql<number>`(select count(*)::int from ${assessmentAnswers} a where a.assessment_id = ${assessments.id})`,
};

/** The latest submitted assessment of each use case of the organisation, as a subquery. */
export function latestAssessments(orgId: string) {
  return db
    .selectDistinctOn([assessments.useCaseId], {
      useCaseId: assessments.useCaseId,
      id: assessments.id,
      overall: assessments.overall,
      band: assessments.band,
      confidence: assessments.confidence,
      bankVersion: assessments.bankVersion,
      submittedAt: assessments.submittedAt,
    })
    .from(assessments)
    .where(and(eq(assessments.orgId, orgId), eq(assessments.status, "submitted")))
    .orderBy(assessments.useCaseId, desc(assessments.submittedAt), desc(assessments.id))
    .as("latest");
}

/** Assessments with their use case and creator: the select's columns are drawn from the three. */
function withUseCaseAndCreator<T extends PgSelect>(query: T) {
  return query
    .innerJoin(useCases, eq(useCases.id, assessments.useCaseId))
    .leftJoin(users, eq(users.id, assessments.createdBy));
}

/** Assessments of the organisation (or of one use case), newest first. */
export async function listAssessments(
  ctx: MemberContext,
  filters: { useCaseId?: string; status?: AssessmentStatus } = {},
): Promise<AssessmentSummaryDto[]> {
  assertCan(ctx, "assessment:read");
  if (filters.useCaseId) assertId(filters.useCaseId, "The use case");
  return withUseCaseAndCreator(db.select(summaryColumns).from(assessments).$dynamic())
    .where(
      and(
        eq(assessments.orgId, ctx.orgId),
        filters.useCaseId ? eq(assessments.useCaseId, filters.useCaseId) : undefined,
        filters.status ? eq(assessments.status, filters.status) : undefined,
      ),
    )
    .orderBy(desc(assessments.createdAt))
    .limit(500);
}

async function loadRow(tx: Executor, ctx: MemberContext, id: string, lock = false) {
  assertId(id, "The assessment");
  const query = withUseCaseAndCreator(
    tx
      .select({
        ...summaryColumns,
        previousId: assessments.previousId,
        version: assessments.version,
        inventorySnapshot: assessments.inventorySnapshot,
        result: assessments.result,
      })
      .from(assessments)
      .$dynamic(),
  ).where(and(eq(assessments.orgId, ctx.orgId), eq(assessments.id, id)));
  const [row] = lock ? await query.for("update", { of: assessments }) : await query;
  if (!row) throw notFound("The assessment");
  return row;
}

async function loadAnswers(tx: Executor, assessmentId: string): Promise<AnswerDto[]> {
  return tx
    .select({
      questionId: assessmentAnswers.questionId,
      optionId: assessmentAnswers.optionId,
      dontKnow: assessmentAnswers.dontKnow,
      evidence: assessmentAnswers.evidence,
      revision: assessmentAnswers.revision,
      answeredByName: users.name,
      updatedAt: assessmentAnswers.updatedAt,
    })
    .from(assessmentAnswers)
    .leftJoin(users, eq(users.id, assessmentAnswers.answeredBy))
    .where(eq(assessmentAnswers.assessmentId, assessmentId))
    .orderBy(asc(assessmentAnswers.questionId));
}

/** The inventory as scoring sees it: no row versions, so a frozen snapshot holds only what was scored. */
async function scoredInventory(
  ctx: MemberContext,
  useCaseId: string,
  tx: Executor,
): Promise<InventoryAction[]> {
  return (await listInventory(ctx, useCaseId, tx)).map(
    ({ version: _version, ...action }) => action,
  );
}

/** One assessment with its answers, the inventory it is scored with, and its frozen result once submitted. */
export async function getAssessment(
  ctx: MemberContext,
  id: string,
  tx: Executor = db,
): Promise<AssessmentDto> {
  assertCan(ctx, "assessment:read");
  const row = await loadRow(tx, ctx, id);
  const answers = await loadAnswers(tx, id);
  const inventory =
    row.status === "submitted"
      ? ((row.inventorySnapshot as InventoryAction[] | null) ?? [])
      : await scoredInventory(ctx, row.useCaseId, tx);
  const { inventorySnapshot: _snapshot, result, ...rest } = row;
  return {
    ...rest,
    answered: answers.length,
    answers,
    inventory,
    result: normaliseResult(result),
  };
}

function bankOf(version: string): QuestionBank {
  const bank = getQuestionBank(version);
  if (!bank) throw new Error(`question bank ${version} is missing`);
  return bank;
}

/** Answers as the scoring engine takes them. */
export function toAnswerInputs(
  answers: Pick<AnswerDto, "questionId" | "optionId" | "dontKnow" | "evidence">[],
) {
  return answers.map(toAnswerInput);
}

/**
 * Starts an assessment of a use case on the current question bank. When the use case was
 * assessed before, the new one starts from the last submitted answers (a re-assessment).
 * An assessment already in progress is returned instead of starting a second one.
 */
export async function startAssessment(
  ctx: MemberContext,
  useCaseId: string,
): Promise<{ id: string; created: boolean }> {
  assertCan(ctx, "assessment:answer");
  assertId(useCaseId, "The use case");
  return db.transaction(async (tx) => {
    const [useCase] = await tx
      .select({ id: useCases.id })
      .from(useCases)
      .where(and(eq(useCases.orgId, ctx.orgId), eq(useCases.id, useCaseId)))
      .for("update");
    if (!useCase) throw notFound("The use case");
    const existing = await tx
      .select({ id: assessments.id, status: assessments.status })
      .from(assessments)
      .where(and(eq(assessments.orgId, ctx.orgId), eq(assessments.useCaseId, useCaseId)))
      .orderBy(desc(assessments.createdAt));
    const open = existing.find((a) => a.status === "in_progress");
    if (open) return { id: open.id, created: false };
    const previous = existing.find((a) => a.status === "submitted");
    const bank = bankOf(CURRENT_QUESTION_BANK_VERSION);
    const previousBank = previous
      ? await tx
          .select({ bankVersion: assessments.bankVersion })
          .from(assessments)
          .where(eq(assessments.id, previous.id))
          .then((rows) => bankOf(rows[0]!.bankVersion))
      : bank;
    const [row] = await tx
      .insert(assessments)
      .values({
        orgId: ctx.orgId,
        useCaseId,
        bankVersion: bank.version,
        previousId: previous?.id ?? null,
        createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning({ id: assessments.id });
    if (!row) throw new Error("insert returned no row");
    let prefilled = 0;
    let notCarried: string[] = [];
    if (previous) {
      // Carry over only answers that still fit the current bank (its version may be newer).
      const report = carryOverAnswers(
        toAnswerInputs(await loadAnswers(tx, previous.id)),
        previousBank,
        bank,
      );
      if (report.carried.length) {
        await tx.insert(assessmentAnswers).values(
          report.carried.map((a) => ({
            assessmentId: row.id,
            orgId: ctx.orgId,
            questionId: a.questionId,
            optionId: a.dontKnow ? null : a.optionId,
            dontKnow: a.dontKnow === true,
            evidence: a.evidence ?? null,
            answeredBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
          })),
        );
      }
      prefilled = report.carried.length;
      notCarried = report.notCarried.map((n) => n.questionId);
    }
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "assessment.started",
      entityType: "assessment",
      entityId: row.id,
      after: {
        useCaseId,
        bankVersion: bank.version,
        previousId: previous?.id ?? null,
        prefilled,
        notCarried,
      },
    });
    return { id: row.id, created: true };
  });
}

export type AnswerChange = AnswerInput & {
  /** The revision the person saw; omitted by API clients that want last-write-wins. */
  basedOnRevision?: number | null;
};

async function assertOpen(tx: Transaction, ctx: MemberContext, id: string) {
  const row = await loadRow(tx, ctx, id, true);
  if (row.status === "submitted") {
    throw new AppError(
      "conflict",
      "This assessment was submitted and is locked. Start a re-assessment to change answers.",
    );
  }
  return row;
}

/**
 * Saves answers (all or nothing). Unknown questions or options are refused with the field
 * that is wrong; an answer someone else changed since `basedOnRevision` is a conflict.
 * Returns the saved answers and which questions now apply.
 */
export async function saveAnswers(
  ctx: MemberContext,
  assessmentId: string,
  changes: AnswerChange[],
): Promise<{ answers: AnswerDto[]; applicable: string[] }> {
  assertCan(ctx, "assessment:answer");
  return db.transaction(async (tx) => {
    const row = await assertOpen(tx, ctx, assessmentId);
    const bank = bankOf(row.bankVersion);
    const fields: Record<string, string[]> = {};
    changes.forEach((change, i) => {
      const problem = validateAnswer(bank, change);
      if (problem) fields[`answers.${i}.${problem.field}`] = [problem.message];
    });
    if (Object.keys(fields).length)
      throw new AppError("invalid_input", "Some answers do not fit this question bank.", fields);

    const ids = changes.map((c) => c.questionId);
    const current = new Map(
      (
        await tx
          .select({
            questionId: assessmentAnswers.questionId,
            revision: assessmentAnswers.revision,
            name: users.name,
          })
          .from(assessmentAnswers)
          .leftJoin(users, eq(users.id, assessmentAnswers.answeredBy))
          .where(
            and(
              eq(assessmentAnswers.assessmentId, assessmentId),
              inArray(assessmentAnswers.questionId, ids),
            ),
          )
      ).map((a) => [a.questionId, a]),
    );
    for (const change of changes) {
      if (change.basedOnRevision === undefined) continue;
      const seen = current.get(change.questionId);
      if ((seen?.revision ?? null) !== (change.basedOnRevision ?? null)) {
        throw conflict(
          `${seen?.name ?? "Someone"} changed this answer while you were answering. It now shows their answer; choose again if you disagree.`,
        );
      }
    }
    const answeredBy = ctx.actor.type === "user" ? ctx.actor.userId : null;
    for (const change of changes) {
      const optionId = "optionId" in change ? change.optionId : null;
      const dontKnow = "dontKnow" in change && change.dontKnow === true;
      const evidence = change.evidence?.trim() || null;
      await tx
        .insert(assessmentAnswers)
        .values({
          assessmentId,
          orgId: ctx.orgId,
          questionId: change.questionId,
          optionId,
          dontKnow,
          evidence,
          answeredBy,
        })
        .onConflictDoUpdate({
          target: [assessmentAnswers.assessmentId, assessmentAnswers.questionId],
          set: {
            optionId,
            dontKnow,
            evidence,
            answeredBy,
            revision: sql`${assessmentAnswers.revision} + 1`,
            updatedAt: sql`now()`,
          },
        });
    }
    await tx
      .update(assessments)
      .set({ version: sql`${assessments.version} + 1` })
      .where(eq(assessments.id, assessmentId));
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "assessment.answered",
      entityType: "assessment",
      entityId: assessmentId,
      after: { answers: changes.map(({ basedOnRevision: _r, ...a }) => a) },
    });
    const answers = await loadAnswers(tx, assessmentId);
    const inventory = await scoredInventory(ctx, row.useCaseId, tx);
    return { answers, applicable: applicableQuestionIds(bank, toAnswerInputs(answers), inventory) };
  });
}

/** Which questions apply right now, given the answers and the use case's inventory. */
export async function applicableQuestions(
  ctx: MemberContext,
  assessment: AssessmentDto,
): Promise<string[]> {
  assertCan(ctx, "assessment:read");
  return applicableQuestionIds(
    bankOf(assessment.bankVersion),
    toAnswerInputs(assessment.answers),
    assessment.inventory,
  );
}

/** Scores an assessment as it stands (for a preview while answering). */
export function previewResult(assessment: AssessmentDto): AssessmentResult {
  return scoreAssessment({
    bank: bankOf(assessment.bankVersion),
    answers: toAnswerInputs(assessment.answers),
    inventory: assessment.inventory,
  });
}

/** Submits and locks an assessment, freezing its inventory and result. */
export async function submitAssessment(
  ctx: MemberContext,
  assessmentId: string,
): Promise<AssessmentDto> {
  assertCan(ctx, "assessment:answer");
  return db.transaction(async (tx) => {
    const row = await assertOpen(tx, ctx, assessmentId);
    const answers = await loadAnswers(tx, assessmentId);
    const inventory = await scoredInventory(ctx, row.useCaseId, tx);
    if (inventory.length === 0) {
      throw new AppError(
        "invalid_input",
        "List what the AI would do before submitting: add at least one action to the use case's inventory (a read-only assistant lists what it reads). Questions and blockers depend on it.",
        { inventory: ["Add at least one action to the use case's action inventory."] },
      );
    }
    const scored = scoreAssessment({
      bank: bankOf(row.bankVersion),
      answers: toAnswerInputs(answers),
      inventory,
    });
    // An assessment converted from a workshop also registers where the room was split.
    const roomSplits = await roomSplitsOfAssessment(tx, ctx.orgId, assessmentId);
    const result = { ...scored, assumptions: [...scored.assumptions, ...roomSplits] };
    await tx
      .update(assessments)
      .set({
        status: "submitted",
        submittedAt: sql`now()`,
        submittedBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        overall: result.overall,
        band: result.band,
        confidence: result.confidence,
        inventorySnapshot: inventory,
        result,
        version: sql`${assessments.version} + 1`,
      })
      .where(eq(assessments.id, assessmentId));
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "assessment.submitted",
      entityType: "assessment",
      entityId: assessmentId,
      before: { status: "in_progress" },
      after: {
        status: "submitted",
        overall: result.overall,
        band: result.band,
        confidence: result.confidence,
      },
    });
    return getAssessment(ctx, assessmentId, tx);
  });
}

/**
 * What a re-assessment carried over from the assessment it started from, and what it left
 * behind because the question bank changed; null for a first assessment.
 */
export async function getCarryOver(
  ctx: MemberContext,
  assessment: AssessmentDto,
): Promise<CarryOver | null> {
  if (!assessment.previousId) return null;
  const previous = await getAssessment(ctx, assessment.previousId);
  return carryOverAnswers(
    toAnswerInputs(previous.answers),
    bankOf(previous.bankVersion),
    bankOf(assessment.bankVersion),
  );
}
