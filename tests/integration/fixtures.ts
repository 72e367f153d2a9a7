import { randomBytes } from "node:crypto";
import { db } from "@/db";
import { createOrganisation, memberContext } from "@/db/queries/organisations";
import { createUser, type UserDto } from "@/db/queries/users";
import { memberships } from "@/db/schema";
import type { IncidentInput } from "@/lib/domain/incidents";
import type { MemberContext } from "@/lib/domain/permissions";
import { ROLES, type Role } from "@/lib/domain/roles";
import { AppError } from "@/lib/errors";
import { READ_TICKET_ACTION } from "@/scripts/lib/sample-actions";
import { plainUseCaseInput } from "@/scripts/lib/sample-use-case";

export const uniq = () => randomBytes(4).toString("hex");

/**
 * Creates a user with a unique email (no password: these tests do not sign in), verified
 * unless asked otherwise.
 */
export async function makeUser(
  name = "Test User",
  passwordHash: string | null = null,
  options: { emailVerified?: boolean } = {},
): Promise<UserDto> {
  const user = await createUser(db, {
    email: `${uniq()}@test.example`,
    name,
    passwordHash,
    emailVerified: options.emailVerified ?? true,
  });
  if (!user) throw new Error("user not created");
  return user;
}

export type TestOrg = {
  slug: string;
  orgId: string;
  users: Record<Role, UserDto>;
  ctx: Record<Role, MemberContext>;
};

/** An organisation with one member in each role, and their verified contexts. */
export async function makeOrg(): Promise<TestOrg> {
  const users = {} as Record<Role, UserDto>;
  for (const role of ROLES) users[role] = await makeUser(`${role} ${uniq()}`);
  const org = await db.transaction(async (tx) => {
    const created = await createOrganisation(
      tx,
      { type: "system", label: "test" },
      {
        name: `Org ${uniq()}`,
        ownerUserId: users.owner.id,
      },
    );
    for (const role of ROLES.filter((r) => r !== "owner")) {
      await tx.insert(memberships).values({ orgId: created.id, userId: users[role].id, role });
    }
    return created;
  });
  const ctx = {} as Record<Role, MemberContext>;
  for (const role of ROLES) {
    const c = await memberContext(users[role], org.slug);
    if (!c) throw new Error("no context");
    ctx[role] = c;
  }
  return { slug: org.slug, orgId: org.id, users, ctx };
}

/** A use case of `org` with nothing but a name (no inventory, no assessment). */
export async function plainUseCase(org: TestOrg, name = `Use case ${uniq()}`) {
  const { createUseCase } = await import("@/db/queries/use-cases");
  return createUseCase(org.ctx.owner, plainUseCaseInput(name));
}

/** "ok" when the promise resolves, otherwise the AppError code it failed with. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && error instanceof Error && error.name === "AppError")
      return code;
    throw error;
  }
}

/** The AppError the promise fails with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/**
 * The rest of a new incident that is only started: not yet detected, acknowledged, mitigated
 * or resolved, without cost, assumption or actions.
 */
export const OPEN_INCIDENT_REST: Pick<
  IncidentInput,
  | "detectedAt"
  | "acknowledgedAt"
  | "mitigatedAt"
  | "resolvedAt"
  | "costEstimate"
  | "assumptionId"
  | "actions"
> = {
  detectedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  costEstimate: null,
  assumptionId: null,
  actions: [],
};

const WRITE_ACTION = { ...READ_TICKET_ACTION, name: "Tag ticket", access: "write" } as const;

/**
 * Gives a use case an inventory (one read, or a read and a reversible write) when it has none,
 * and submits an assessment on the current question bank: "strong" answers every question at
 * its best with a link as evidence (the top band), "empty" answers nothing.
 */
export async function submitAssessmentFor(
  org: TestOrg,
  useCaseId: string,
  options: { strength?: "strong" | "empty"; writes?: boolean } = {},
) {
  const { listInventory, addInventoryAction } = await import("@/db/queries/inventory");
  const { saveAnswers, startAssessment, submitAssessment } = await import(
    "@/db/queries/assessments"
  );
  const { CURRENT_QUESTION_BANK_VERSION, getQuestionBank } = await import(
    "@/lib/domain/question-bank"
  );
  if ((await listInventory(org.ctx.owner, useCaseId)).length === 0) {
    await addInventoryAction(org.ctx.owner, useCaseId, READ_TICKET_ACTION);
    if (options.writes) await addInventoryAction(org.ctx.owner, useCaseId, WRITE_ACTION);
  }
  const { id } = await startAssessment(org.ctx.owner, useCaseId);
  if ((options.strength ?? "strong") === "strong") {
    const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!;
    await saveAnswers(
      org.ctx.owner,
      id,
      bank.questions.map((q) => ({
        questionId: q.id,
        optionId: q.options.reduce((best, o) => (o.score > best.score ? o : best)).id,
        evidence: "https://wiki.example.org/readiness-review",
      })),
    );
  }
  return submitAssessment(org.ctx.owner, id);
}

/**
 * A use case with an inventory and a submitted assessment ("strong" by default): what every
 * test of pilots, gates and incidents starts from.
 */
export async function assessedUseCase(
  org: TestOrg,
  options: {
    name?: string;
    annualValue?: number | null;
    strength?: "strong" | "empty";
    writes?: boolean;
  } = {},
) {
  const { createUseCase } = await import("@/db/queries/use-cases");
  const uc = await createUseCase(org.ctx.owner, {
    name: options.name ?? `Ticket tagging ${uniq()}`,
    description: "",
    ownerId: null,
    businessValue: 3,
    annualValue: options.annualValue ?? null,
    systems: ["Zendesk"],
    status: "assessing",
  });
  const assessment = await submitAssessmentFor(org, uc.id, options);
  return { uc, assessment };
}

/**
 * Starts a pilot of a use case with the plainest input: in the sandbox from today, no owner, no
 * target date; `input` changes any of it.
 */
export async function startPilotOf(
  ctx: MemberContext,
  useCaseId: string,
  input: Partial<import("@/db/queries/pilots").StartPilotInput> = {},
) {
  const { startPilot } = await import("@/db/queries/pilots");
  return startPilot(ctx, {
    ...input,
    useCaseId,
    ownerId: input.ownerId ?? null,
    stage: input.stage ?? "sandbox",
    startDate: input.startDate ?? new Date().toISOString().slice(0, 10),
    targetDate: input.targetDate ?? null,
    rollbackPlan: input.rollbackPlan ?? "Flag off.",
  });
}

/** A pilot of a freshly assessed use case, started (by the lead unless `by` says) at `stage`. */
export async function startedPilot(
  org: TestOrg,
  options: {
    stage?: import("@/lib/domain/stages").Stage;
    startDate?: string;
    name?: string;
    annualValue?: number | null;
    strength?: "strong" | "empty";
    writes?: boolean;
    by?: Role;
  } = {},
) {
  const { uc, assessment } = await assessedUseCase(org, options);
  const pilot = await startPilotOf(org.ctx[options.by ?? "lead"], uc.id, {
    stage: options.stage,
    startDate: options.startDate,
    rollbackPlan: "Flag off; agents take over.",
  });
  return Object.assign(pilot, { useCaseId: uc.id, assessmentId: assessment.id });
}
