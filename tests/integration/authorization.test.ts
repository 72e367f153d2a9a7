import { beforeAll, describe, expect, test } from "vitest";
import { createApiToken, listApiTokens, revokeApiToken } from "@/db/queries/api-tokens";
import {
  getAssessment,
  listAssessments,
  saveAnswers,
  startAssessment,
  submitAssessment,
} from "@/db/queries/assessments";
import { listAuditEvents, listAuditFacets, loadAuditNames } from "@/db/queries/audit";
import { getGettingStarted } from "@/db/queries/dashboard";
import {
  getGateSettings,
  updateGateSettings,
  updateOverridePolicy,
} from "@/db/queries/gate-settings";
import { getIncidentMetrics } from "@/db/queries/incident-metrics";
import { ingestWebhookIncident } from "@/db/queries/incident-webhooks";
import { createIncident, updateIncident } from "@/db/queries/incident-writes";
import {
  getIncident,
  listAssumptionOptions,
  listIncidents,
  listPilotIncidents,
} from "@/db/queries/incidents";
import {
  addInventoryAction,
  listInventory,
  removeInventoryAction,
  updateInventoryAction,
} from "@/db/queries/inventory";
import {
  createInvitation,
  listPendingInvitations,
  revokeInvitation,
} from "@/db/queries/invitations";
import {
  changeMemberRole,
  countMembersByRole,
  listMembers,
  removeMember,
} from "@/db/queries/members";
import { exportOrganisation } from "@/db/queries/org-transfer";
import { getOrganisation, memberContext, updateOrganisation } from "@/db/queries/organisations";
import {
  addPilotAssumption,
  listPilotAssumptions,
  updatePilotAssumption,
} from "@/db/queries/pilot-assumptions";
import { listPilotCandidates } from "@/db/queries/pilot-candidates";
import {
  listOverrideRequests,
  rejectOverrideRequest,
  withdrawOverrideRequest,
} from "@/db/queries/pilot-override-requests";
import { signOffCriterion } from "@/db/queries/pilot-signoffs";
import { approveOverrideRequest, transitionPilot } from "@/db/queries/pilot-transitions";
import {
  getPilot,
  getPilotGate,
  listPilotCards,
  listPilotTimeline,
  startPilot,
  updatePilot,
} from "@/db/queries/pilots";
import { listRunMetrics, recordRunMetrics } from "@/db/queries/run-metrics";
import {
  createUseCase,
  getUseCase,
  listUseCases,
  setUseCaseArchived,
  updateUseCase,
} from "@/db/queries/use-cases";
import {
  getParticipantSession,
  getParticipantView,
  joinWorkshop,
  listOwnAnswers,
  saveOwnAnswer,
} from "@/db/queries/workshop-participants";
import {
  createWorkshop,
  getWorkshop,
  getWorkshopLive,
  listWorkshopAnswers,
  listWorkshopParticipants,
  listWorkshops,
  setWorkshopState,
  workshopAnswersCsv,
} from "@/db/queries/workshops";
import type { IncidentInput } from "@/lib/domain/incidents";
import type { MemberContext } from "@/lib/domain/permissions";
import { ROLES, type Role } from "@/lib/domain/roles";
import type { ParticipantContext } from "@/lib/domain/workshops";
import {
  assessedUseCase,
  makeOrg,
  OPEN_INCIDENT_REST,
  outcome,
  startedPilot,
  type TestOrg,
} from "./fixtures";

const ADMINS: Role[] = ["owner", "admin"];
const CONTRIBUTORS: Role[] = ["owner", "admin", "lead", "contributor"];
const LEADS: Role[] = ["owner", "admin", "lead"];

const INVITATION = { role: "viewer", email: "invitee@example.org" } as const;
const API_TOKEN = { name: "Bridge", role: "viewer" } as const;

const USE_CASE = {
  name: "Refund triage",
  description: "",
  ownerId: null,
  businessValue: 3,
  annualValue: null,
  systems: ["Zendesk"],
  status: "candidate" as const,
};

const ACTION = {
  name: "Issue refund",
  system: "Stripe",
  access: "write" as const,
  reversibility: "irreversible" as const,
  blastRadius: "money" as const,
  frequency: "daily" as const,
};

async function makeUseCaseWithAction(org: TestOrg) {
  const uc = await createUseCase(org.ctx.owner, USE_CASE);
  const action = await addInventoryAction(org.ctx.owner, uc.id, ACTION);
  return { uc, action };
}

/**
 * Every organisation-scoped query, called by each role: what it may do.
 * `setup` runs with an owner context of a fresh organisation and returns the call to make.
 */
const CASES: {
  name: string;
  allowed: Role[];
  call: (ctx: MemberContext, org: TestOrg) => Promise<unknown>;
}[] = [
  { name: "getOrganisation", allowed: [...ROLES], call: (ctx) => getOrganisation(ctx) },
  {
    name: "updateOrganisation",
    allowed: ADMINS,
    call: async (ctx, org) =>
      updateOrganisation(ctx, {
        name: "Renamed",
        version: (await getOrganisation(org.ctx.owner)).version,
      }),
  },
  { name: "exportOrganisation", allowed: ["owner"], call: (ctx) => exportOrganisation(ctx) },
  { name: "listMembers", allowed: [...ROLES], call: (ctx) => listMembers(ctx) },
  { name: "countMembersByRole", allowed: [...ROLES], call: (ctx) => countMembersByRole(ctx) },
  {
    name: "changeMemberRole (viewer → contributor)",
    allowed: ADMINS,
    call: async (ctx, org) => {
      const target = (await listMembers(org.ctx.owner)).find(
        (m) => m.userId === org.users.viewer.id,
      )!;
      return changeMemberRole(ctx, {
        membershipId: target.id,
        role: "contributor",
        version: target.version,
      });
    },
  },
  {
    name: "removeMember (someone else)",
    allowed: ADMINS,
    call: async (ctx, org) => {
      const other = ctx.role === "viewer" ? org.users.contributor : org.users.viewer;
      const target = (await listMembers(org.ctx.owner)).find((m) => m.userId === other.id)!;
      return removeMember(ctx, { membershipId: target.id });
    },
  },
  {
    name: "createInvitation",
    allowed: ADMINS,
    call: (ctx) => createInvitation(ctx, INVITATION),
  },
  { name: "listPendingInvitations", allowed: ADMINS, call: (ctx) => listPendingInvitations(ctx) },
  {
    name: "revokeInvitation",
    allowed: ADMINS,
    call: async (ctx, org) => {
      const { invitation } = await createInvitation(org.ctx.owner, INVITATION);
      return revokeInvitation(ctx, invitation.id);
    },
  },
  {
    name: "createApiToken",
    allowed: ADMINS,
    call: (ctx) => createApiToken(ctx, API_TOKEN),
  },
  { name: "listApiTokens", allowed: ADMINS, call: (ctx) => listApiTokens(ctx) },
  {
    name: "revokeApiToken",
    allowed: ADMINS,
    call: async (ctx, org) => {
      const { apiToken } = await createApiToken(org.ctx.owner, API_TOKEN);
      return revokeApiToken(ctx, apiToken.id);
    },
  },
  { name: "listAuditEvents", allowed: ADMINS, call: (ctx) => listAuditEvents(ctx) },
  { name: "listAuditFacets", allowed: ADMINS, call: (ctx) => listAuditFacets(ctx) },
  { name: "loadAuditNames", allowed: ADMINS, call: (ctx) => loadAuditNames(ctx, []) },
  { name: "getGettingStarted", allowed: [...ROLES], call: (ctx) => getGettingStarted(ctx) },
  {
    name: "updateOrganisation (currency)",
    allowed: ADMINS,
    call: async (ctx, org) => {
      const { name, version } = await getOrganisation(org.ctx.owner);
      return updateOrganisation(ctx, { name, currency: "EUR", version });
    },
  },
  { name: "listUseCases", allowed: [...ROLES], call: (ctx) => listUseCases(ctx) },
  {
    name: "getUseCase",
    allowed: [...ROLES],
    call: async (ctx, org) => getUseCase(ctx, (await createUseCase(org.ctx.owner, USE_CASE)).id),
  },
  { name: "createUseCase", allowed: CONTRIBUTORS, call: (ctx) => createUseCase(ctx, USE_CASE) },
  {
    name: "updateUseCase",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => {
      const uc = await createUseCase(org.ctx.owner, USE_CASE);
      return updateUseCase(ctx, uc.id, { ...USE_CASE, name: "Renamed", version: uc.version });
    },
  },
  {
    name: "updateUseCase (some fields)",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => {
      const uc = await createUseCase(org.ctx.owner, USE_CASE);
      return updateUseCase(ctx, uc.id, { status: "assessing", version: uc.version });
    },
  },
  {
    name: "setUseCaseArchived",
    allowed: LEADS,
    call: async (ctx, org) =>
      setUseCaseArchived(ctx, (await createUseCase(org.ctx.owner, USE_CASE)).id, true),
  },
  {
    name: "listInventory",
    allowed: [...ROLES],
    call: async (ctx, org) => listInventory(ctx, (await makeUseCaseWithAction(org)).uc.id),
  },
  {
    name: "addInventoryAction",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) =>
      addInventoryAction(ctx, (await createUseCase(org.ctx.owner, USE_CASE)).id, ACTION),
  },
  {
    name: "updateInventoryAction",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => {
      const { uc, action } = await makeUseCaseWithAction(org);
      return updateInventoryAction(ctx, uc.id, action.id, {
        name: "Refund",
        version: action.version,
      });
    },
  },
  {
    name: "removeInventoryAction",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => {
      const { uc, action } = await makeUseCaseWithAction(org);
      return removeInventoryAction(ctx, uc.id, action.id, action.version);
    },
  },
  { name: "listAssessments", allowed: [...ROLES], call: (ctx) => listAssessments(ctx) },
  {
    name: "listAssessments (one use case)",
    allowed: [...ROLES],
    call: async (ctx, org) =>
      listAssessments(ctx, { useCaseId: (await makeUseCaseWithAction(org)).uc.id }),
  },
  {
    name: "getAssessment",
    allowed: [...ROLES],
    call: async (ctx, org) => getAssessment(ctx, (await startedAssessment(org)).id),
  },
  {
    name: "startAssessment",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => startAssessment(ctx, (await makeUseCaseWithAction(org)).uc.id),
  },
  {
    name: "saveAnswers",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) =>
      saveAnswers(ctx, (await startedAssessment(org)).id, [
        { questionId: "rev_stop", optionId: "switch" },
      ]),
  },
  {
    name: "submitAssessment",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => submitAssessment(ctx, (await startedAssessment(org)).id),
  },
  { name: "listWorkshops", allowed: [...ROLES], call: (ctx) => listWorkshops(ctx) },
  // Every read of one workshop is open to every role.
  ...[
    getWorkshop,
    getWorkshopLive,
    listWorkshopParticipants,
    listWorkshopAnswers,
    workshopAnswersCsv,
  ].map((read) => ({
    name: read.name,
    allowed: [...ROLES],
    call: async (ctx: MemberContext, org: TestOrg) => read(ctx, (await makeWorkshop(org)).id),
  })),
  {
    name: "createWorkshop",
    allowed: LEADS,
    call: async (ctx, org) => createWorkshop(ctx, await workshopInput(org)),
  },
  {
    name: "setWorkshopState (open)",
    allowed: LEADS,
    call: async (ctx, org) => {
      const w = await makeWorkshop(org);
      return setWorkshopState(ctx, w.id, "open", w.version);
    },
  },
];

const PILOT = (useCaseId: string) => ({
  useCaseId,
  ownerId: null,
  stage: "proposed" as const,
  startDate: "2026-11-01",
  targetDate: null,
  rollbackPlan: "Flag off",
});

async function makePilot(org: TestOrg) {
  return startPilot(org.ctx.owner, PILOT((await assessedUseCase(org)).uc.id));
}

const OVERRIDE_JUSTIFICATION = "Finance reviews every action by hand this quarter.";

async function secondApproverOn(org: TestOrg) {
  await updateOverridePolicy(org.ctx.owner, {
    overridesNeedSecondApprover: true,
    version: (await getOrganisation(org.ctx.owner)).version,
  });
}

/** A pending override request on a pilot in shadow (its gate fails), asked by `role`. */
async function overrideRequest(org: TestOrg, role: "owner" | "admin") {
  await secondApproverOn(org);
  const p = await startedPilot(org, { stage: "shadow" });
  const { request } = await transitionPilot(org.ctx[role], p.id, {
    to: "supervised",
    override: true,
    justification: OVERRIDE_JUSTIFICATION,
    version: p.version,
  });
  if (!request) throw new Error("expected an override request");
  return request;
}

const INCIDENT: IncidentInput = {
  title: "Wrong tag",
  description: "",
  severity: "sev3",
  category: "incorrect_output",
  detectionSource: "human_reviewer",
  outcome: "prevented",
  startedAt: new Date("2026-11-02T10:00:00Z"),
  ...OPEN_INCIDENT_REST,
};

const PILOT_CASES: typeof CASES = [
  { name: "listPilotCards", allowed: [...ROLES], call: (ctx) => listPilotCards(ctx) },
  { name: "listPilotCandidates", allowed: [...ROLES], call: (ctx) => listPilotCandidates(ctx) },
  {
    name: "getPilot",
    allowed: [...ROLES],
    call: async (ctx, org) => getPilot(ctx, (await makePilot(org)).id),
  },
  {
    name: "getPilotGate",
    allowed: [...ROLES],
    call: async (ctx, org) => getPilotGate(ctx, (await makePilot(org)).id),
  },
  {
    name: "listPilotTimeline",
    allowed: [...ROLES],
    call: async (ctx, org) => listPilotTimeline(ctx, (await makePilot(org)).id),
  },
  {
    name: "startPilot",
    allowed: LEADS,
    call: async (ctx, org) => startPilot(ctx, PILOT((await assessedUseCase(org)).uc.id)),
  },
  {
    name: "updatePilot",
    allowed: LEADS,
    call: async (ctx, org) => {
      const p = await makePilot(org);
      return updatePilot(ctx, p.id, { ...PILOT(p.useCaseId), version: p.version });
    },
  },
  {
    name: "transitionPilot",
    allowed: LEADS,
    call: async (ctx, org) => {
      const p = await makePilot(org);
      return transitionPilot(ctx, p.id, {
        to: "paused",
        justification: "Vendor outage today",
        version: p.version,
      });
    },
  },
  {
    name: "signOffCriterion",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) =>
      signOffCriterion(ctx, (await makePilot(org)).id, { criterion: "rollback_plan_recorded" }),
  },
  {
    name: "recordRunMetrics",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) =>
      recordRunMetrics(
        ctx,
        (await makePilot(org)).id,
        [
          {
            period: "day",
            periodStart: "2026-11-02",
            attempted: 5,
            correct: 5,
            overrides: 0,
            escalations: 0,
          },
        ],
        "ui",
      ),
  },
  {
    name: "listRunMetrics",
    allowed: [...ROLES],
    call: async (ctx, org) => listRunMetrics(ctx, (await makePilot(org)).id),
  },
  {
    name: "updatePilotAssumption",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => {
      const p = await makePilot(org);
      const [a] = await listPilotAssumptions(org.ctx.owner, p.id);
      return updatePilotAssumption(ctx, p.id, a!.id, {
        status: "verified",
        evidence: "Checked",
        version: a!.version,
      });
    },
  },
  {
    name: "addPilotAssumption",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) =>
      addPilotAssumption(ctx, (await makePilot(org)).id, { text: "Emails match the CRM" }),
  },
  {
    name: "transitionPilot (override waiting for a second approver)",
    allowed: ADMINS,
    call: async (ctx, org) => {
      await secondApproverOn(org);
      const p = await startedPilot(org, { stage: "shadow" });
      return transitionPilot(ctx, p.id, {
        to: "supervised",
        override: true,
        justification: OVERRIDE_JUSTIFICATION,
        version: p.version,
      });
    },
  },
  {
    name: "listOverrideRequests",
    allowed: [...ROLES],
    call: async (ctx, org) =>
      listOverrideRequests(ctx, (await overrideRequest(org, "owner")).pilotId),
  },
  {
    // Asked by the owner: only another owner or admin may decide, so here the admin.
    name: "approveOverrideRequest",
    allowed: ["admin"],
    call: async (ctx, org) => {
      const r = await overrideRequest(org, "owner");
      return approveOverrideRequest(ctx, r.pilotId, r.id, { version: r.version });
    },
  },
  {
    name: "rejectOverrideRequest",
    allowed: ["admin"],
    call: async (ctx, org) => {
      const r = await overrideRequest(org, "owner");
      return rejectOverrideRequest(ctx, r.pilotId, r.id, {
        note: "Measure accuracy in shadow first.",
        version: r.version,
      });
    },
  },
  {
    // Asked by the admin: only they may withdraw it.
    name: "withdrawOverrideRequest",
    allowed: ["admin"],
    call: async (ctx, org) => {
      const r = await overrideRequest(org, "admin");
      return withdrawOverrideRequest(ctx, r.pilotId, r.id, { version: r.version });
    },
  },
  {
    name: "updateOverridePolicy",
    allowed: ADMINS,
    call: async (ctx, org) =>
      updateOverridePolicy(ctx, {
        overridesNeedSecondApprover: true,
        version: (await getOrganisation(org.ctx.owner)).version,
      }),
  },
  { name: "getGateSettings", allowed: [...ROLES], call: (ctx) => getGateSettings(ctx) },
  {
    name: "updateGateSettings",
    allowed: ADMINS,
    call: async (ctx, org) =>
      updateGateSettings(ctx, {
        gates: { sandbox: [] },
        version: (await getOrganisation(org.ctx.owner)).version,
      }),
  },
  { name: "listIncidents", allowed: [...ROLES], call: (ctx) => listIncidents(ctx) },
  {
    name: "getIncidentMetrics",
    allowed: [...ROLES],
    call: (ctx) => getIncidentMetrics(ctx, {}, "month"),
  },
  {
    name: "listAssumptionOptions",
    allowed: [...ROLES],
    call: (ctx) => listAssumptionOptions(ctx),
  },
  {
    name: "listPilotIncidents",
    allowed: [...ROLES],
    call: async (ctx, org) => listPilotIncidents(ctx, (await makePilot(org)).id),
  },
  {
    name: "createIncident",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => createIncident(ctx, (await makePilot(org)).id, INCIDENT),
  },
  {
    name: "getIncident",
    allowed: [...ROLES],
    call: async (ctx, org) =>
      getIncident(ctx, (await createIncident(org.ctx.owner, null, INCIDENT)).id),
  },
  {
    name: "updateIncident",
    allowed: CONTRIBUTORS,
    call: async (ctx, org) => {
      const i = await createIncident(org.ctx.owner, null, INCIDENT);
      return updateIncident(ctx, i.id, { severity: "sev2", version: i.version });
    },
  },
  {
    name: "ingestWebhookIncident",
    allowed: CONTRIBUTORS,
    call: (ctx) =>
      ingestWebhookIncident(ctx, {
        externalId: "X-1",
        title: "Pager alert",
        severity: "sev2",
        startedAt: new Date("2026-11-02T10:00:00Z"),
      }),
  },
];

async function workshopInput(org: TestOrg) {
  const uc = await createUseCase(org.ctx.owner, USE_CASE);
  return {
    useCaseId: uc.id,
    title: "Kick-off",
    date: "2026-12-09",
    dimensions: ["process"],
    roleTags: ["Operator"],
    anonymous: false,
    pace: "self_paced" as const,
  };
}

async function makeWorkshop(org: TestOrg) {
  return createWorkshop(org.ctx.owner, await workshopInput(org));
}

async function startedAssessment(org: TestOrg) {
  return startAssessment(org.ctx.owner, (await makeUseCaseWithAction(org)).uc.id);
}

describe.each([...CASES, ...PILOT_CASES])("$name", ({ allowed, call }) => {
  test.each([...ROLES])("as %s", async (role) => {
    const org = await makeOrg();
    const expected = allowed.includes(role) ? "ok" : "forbidden";
    expect(await outcome(call(org.ctx[role], org))).toBe(expected);
  });

  // The participant column: a workshop participant's session, should it ever reach an
  // organisation query in place of a member (even told which organisation its workshop is
  // in), carries no role and is refused.
  test("as a workshop participant", async () => {
    const org = await makeOrg();
    const session = await participantIn(org, "its own open workshop");
    expect(session).not.toBeNull();
    const asMember = {
      ...session,
      orgId: org.orgId,
      orgSlug: org.slug,
      actor: { type: "system", label: "a guest" },
    } as unknown as MemberContext;
    expect(await outcome(call(asMember, org))).toBe("forbidden");
  });
});

/** Where a participant's session is pointed, from its own open workshop to a foreign one. */
const SCOPES = [
  "its own open workshop",
  "its own paused workshop",
  "its own closed workshop",
  "another workshop of the organisation",
  "another organisation's workshop",
] as const;
type Scope = (typeof SCOPES)[number];

const PROCESS_QUESTION = "process_documented";

async function openWorkshopOf(org: TestOrg) {
  const w = await makeWorkshop(org);
  return setWorkshopState(org.ctx.owner, w.id, "open", w.version);
}

/**
 * A guest who joined an open workshop of `org` and answered one question, then the session as
 * the request would carry it to `scope`: the real session of its own workshop (none once the
 * workshop closes), or one forged to point at another workshop.
 */
async function participantIn(org: TestOrg, scope: Scope): Promise<ParticipantContext | null> {
  const w = await openWorkshopOf(org);
  const joined = await joinWorkshop({
    code: w.joinCode,
    displayName: "Pat",
    roleTag: "Operator",
    user: null,
    address: null,
  });
  await saveOwnAnswer(joined.participant, {
    questionId: PROCESS_QUESTION,
    optionId: null,
    dontKnow: true,
    comment: null,
  });
  const session = await getParticipantSession(joined.token);
  switch (scope) {
    case "its own open workshop":
      return session;
    case "its own paused workshop":
    case "its own closed workshop":
      await setWorkshopState(
        org.ctx.owner,
        w.id,
        scope === "its own paused workshop" ? "paused" : "closed",
        w.version,
      );
      return getParticipantSession(joined.token);
    case "another workshop of the organisation":
      return session && { ...session, workshopId: (await openWorkshopOf(org)).id };
    case "another organisation's workshop":
      return session && { ...session, workshopId: (await openWorkshopOf(await makeOrg())).id };
  }
}

/**
 * What a participant may do, and where: its own answers, only in its own workshop, and
 * writing only while that workshop is open. "nothing" is a read that finds none of its answers.
 */
const PARTICIPANT_CASES: {
  name: string;
  allowedIn: Scope[];
  call: (p: ParticipantContext) => Promise<unknown>;
}[] = [
  {
    name: "listOwnAnswers",
    allowedIn: ["its own open workshop", "its own paused workshop"],
    call: async (p) => {
      const answers = await listOwnAnswers(p);
      if (answers.length === 0) throw new Error("nothing");
      return answers;
    },
  },
  {
    name: "getParticipantView",
    allowedIn: ["its own open workshop", "its own paused workshop"],
    call: getParticipantView,
  },
  {
    name: "saveOwnAnswer",
    allowedIn: ["its own open workshop"],
    call: (p) =>
      saveOwnAnswer(p, {
        questionId: PROCESS_QUESTION,
        optionId: null,
        dontKnow: true,
        comment: "Changed my mind",
      }),
  },
];

/** "ok", "no session", "nothing" (a read that found none of its answers) or the refusal. */
async function participantOutcome(
  session: ParticipantContext | null,
  call: (p: ParticipantContext) => Promise<unknown>,
) {
  if (!session) return "no session";
  try {
    return await outcome(call(session));
  } catch (error) {
    if (error instanceof Error && error.message === "nothing") return "nothing";
    throw error;
  }
}

/** How a refusal shows: no session once closed, a paused workshop's conflict, else not found. */
function refusal(scope: Scope, name: string): string {
  if (scope === "its own closed workshop") return "no session";
  if (scope === "its own paused workshop") return "conflict";
  return name === "listOwnAnswers" ? "nothing" : "not_found";
}

describe.each(PARTICIPANT_CASES)("participant: $name", ({ name, allowedIn, call }) => {
  test.each([...SCOPES])("in %s", async (scope) => {
    const org = await makeOrg();
    const session = await participantIn(org, scope);
    const expected = allowedIn.includes(scope) ? "ok" : refusal(scope, name);
    expect(await participantOutcome(session, call)).toBe(expected);
  });
});

describe("another organisation's rows", () => {
  let home: TestOrg;
  let other: TestOrg;
  beforeAll(async () => {
    home = await makeOrg();
    other = await makeOrg();
  });

  test("a non-member gets no context for the organisation", async () => {
    expect(await memberContext(other.users.owner, home.slug)).toBeNull();
    expect(await memberContext(home.users.viewer, home.slug)).not.toBeNull();
  });

  test("lists only show the caller's organisation", async () => {
    const members = await listMembers(other.ctx.owner);
    const homeIds = new Set(Object.values(home.users).map((u) => u.id));
    expect(members).toHaveLength(ROLES.length);
    expect(members.some((m) => homeIds.has(m.userId))).toBe(false);
    const events = await listAuditEvents(other.ctx.owner, { limit: 200 });
    const homeAudit = await listAuditEvents(home.ctx.owner, { limit: 200 });
    const otherIds = new Set(events.events.map((e) => e.id));
    expect(homeAudit.events.some((e) => otherIds.has(e.id))).toBe(false);
  });

  test("foreign ids answer not found, even to an owner, and change nothing", async () => {
    const target = (await listMembers(home.ctx.owner)).find((m) => m.role === "viewer")!;
    const { invitation } = await createInvitation(home.ctx.owner, INVITATION);
    const { apiToken } = await createApiToken(home.ctx.owner, { name: "Home", role: "viewer" });
    const intruder = other.ctx.owner;
    expect(
      await outcome(
        changeMemberRole(intruder, {
          membershipId: target.id,
          role: "admin",
          version: target.version,
        }),
      ),
    ).toBe("not_found");
    expect(await outcome(removeMember(intruder, { membershipId: target.id }))).toBe("not_found");
    expect(await outcome(revokeInvitation(intruder, invitation.id))).toBe("not_found");
    expect(await outcome(revokeApiToken(intruder, apiToken.id))).toBe("not_found");
    const useCase = await createUseCase(home.ctx.owner, USE_CASE);
    expect(await outcome(getUseCase(intruder, useCase.id))).toBe("not_found");
    expect(
      await outcome(
        updateUseCase(intruder, useCase.id, {
          ...USE_CASE,
          name: "Hijacked",
          version: useCase.version,
        }),
      ),
    ).toBe("not_found");
    expect(await outcome(setUseCaseArchived(intruder, useCase.id, true))).toBe("not_found");
    expect(await outcome(getUseCase(intruder, "not-a-uuid"))).toBe("not_found");
    expect((await listUseCases(intruder)).map((u) => u.id)).not.toContain(useCase.id);
    expect((await getUseCase(home.ctx.viewer, useCase.id)).name).toBe("Refund triage");
    const { uc, action } = await makeUseCaseWithAction(home);
    expect(await outcome(listInventory(intruder, uc.id))).toBe("not_found");
    expect(await outcome(addInventoryAction(intruder, uc.id, ACTION))).toBe("not_found");
    expect(
      await outcome(updateInventoryAction(intruder, uc.id, action.id, { ...ACTION, version: 1 })),
    ).toBe("not_found");
    expect(await outcome(removeInventoryAction(intruder, uc.id, action.id, 1))).toBe("not_found");
    // An action is reached only through its own use case, even inside the organisation.
    const sibling = await createUseCase(home.ctx.owner, USE_CASE);
    expect(
      await outcome(
        updateInventoryAction(home.ctx.owner, sibling.id, action.id, { version: 1, name: "Moved" }),
      ),
    ).toBe("not_found");
    expect(await outcome(removeInventoryAction(home.ctx.owner, sibling.id, action.id, 1))).toBe(
      "not_found",
    );
    expect(await listInventory(home.ctx.viewer, uc.id)).toEqual([action]);
    await startAssessment(home.ctx.owner, uc.id);
    expect(await listAssessments(intruder, { useCaseId: uc.id })).toEqual([]);
    expect(await listAssessments(home.ctx.viewer, { useCaseId: uc.id })).toHaveLength(1);

    const pilot = await makePilot(home);
    const incident = await createIncident(home.ctx.owner, pilot.id, INCIDENT);
    expect(await outcome(getIncident(intruder, incident.id))).toBe("not_found");
    expect(
      await outcome(updateIncident(intruder, incident.id, { severity: "sev1", version: 1 })),
    ).toBe("not_found");
    expect(await outcome(createIncident(intruder, pilot.id, INCIDENT))).toBe("not_found");
    expect(await outcome(listPilotIncidents(intruder, pilot.id))).toBe("not_found");
    expect(await outcome(getPilot(intruder, pilot.id))).toBe("not_found");
    expect((await listIncidents(intruder)).items.map((i) => i.id)).not.toContain(incident.id);
    expect((await listAssumptionOptions(intruder)).map((a) => a.pilotId)).not.toContain(pilot.id);
    expect((await listAssumptionOptions(home.ctx.viewer)).map((a) => a.pilotId)).toContain(
      pilot.id,
    );
    expect((await getIncident(home.ctx.viewer, incident.id)).severity).toBe("sev3");
    const after = (await listMembers(home.ctx.owner)).find((m) => m.id === target.id);
    expect(after?.role).toBe("viewer");
    expect((await listPendingInvitations(home.ctx.owner)).map((i) => i.id)).toContain(
      invitation.id,
    );
    expect(
      (await listApiTokens(home.ctx.owner)).find((t) => t.id === apiToken.id)?.revokedAt,
    ).toBeNull();
  });
});
