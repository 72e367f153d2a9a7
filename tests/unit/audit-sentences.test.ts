import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { BLAST_RADIUS_LABELS, FREQUENCY_LABELS } from "@/lib/domain/actions";
import {
  AUDIT_ACTIONS,
  type AuditAction,
  type AuditEventForSentence,
  type AuditSentenceContext,
  auditActionLabel,
  auditChanges,
  auditReferences,
  describeAuditEvent,
} from "@/lib/domain/audit-sentences";

const UC = "11111111-1111-4111-8111-111111111111";
const PILOT = "22222222-2222-4222-8222-222222222222";
const ASSESSMENT = "33333333-3333-4333-8333-333333333333";
const BEN = "44444444-4444-4444-8444-444444444444";
const ASSUMPTION = "55555555-5555-4555-8555-555555555555";
const INCIDENT = "66666666-6666-4666-8666-666666666666";

const ctx: AuditSentenceContext = {
  currency: "GBP",
  names: {
    useCases: { [UC]: "Refunds" },
    pilots: { [PILOT]: "Refunds" },
    assessments: { [ASSESSMENT]: "Refunds" },
    people: { [BEN]: "Ben Ng" },
    assumptions: { [ASSUMPTION]: "Customers reply within a day" },
  },
};

const dana = {
  actorType: "user",
  actorLabel: "dana@example.com",
  actorEmail: "dana@example.com",
  actorName: "Dana",
} as const;

/** The app itself or a command, acting without a signed-in person. */
const systemActor = (label: string) =>
  ({ actorType: "system", actorLabel: label, actorEmail: null, actorName: null }) as const;

type Example = Partial<AuditEventForSentence> & Pick<AuditEventForSentence, "entityType">;

/** A pilot's status change while it stays in shadow, as its audit row records it. */
const pilotInShadow = (from: string, to: string, reason: string | null = null): Example => ({
  entityType: "pilot",
  entityId: PILOT,
  before: { stage: "shadow", status: from },
  after: { stage: "shadow", status: to, reason },
});

const useCase = {
  name: "Refunds",
  description: "",
  ownerId: BEN,
  businessValue: 3,
  annualValue: 180000,
  systems: ["Stripe"],
  status: "candidate",
  archivedAt: null,
};
const incident = {
  title: "Refund sent twice",
  severity: "sev2",
  category: "stale_data",
  detectionSource: "automated_check",
  outcome: "contained",
  startedAt: "2026-11-01T10:00:00.000Z",
  resolvedAt: null,
  costEstimate: 1200,
  actions: ["fix"],
};
const action = {
  useCaseId: UC,
  id: "77777777-7777-4777-8777-777777777777",
  name: "Issue a refund",
  system: "Stripe",
  access: "write",
  reversibility: "hard_to_reverse",
  blastRadius: "money",
  frequency: "hourly",
};

/** One event as the app writes it for every action, and the sentence it reads as. */
const EXAMPLES: Record<AuditAction, [Example, string][]> = {
  "organisation.created": [
    [
      { entityType: "organisation", after: { name: "Acme", slug: "acme" } },
      "Dana created the organisation Acme.",
    ],
  ],
  "organisation.updated": [
    [
      {
        entityType: "organisation",
        before: { name: "Acme", currency: "GBP" },
        after: { name: "Acme Ltd", currency: "GBP" },
      },
      "Dana renamed the organisation from Acme to Acme Ltd.",
    ],
    [
      {
        entityType: "organisation",
        before: { name: "Acme", currency: "GBP" },
        after: { name: "Acme", currency: "EUR" },
      },
      "Dana changed the organisation's currency from GBP to EUR.",
    ],
    [
      { entityType: "organisation", before: { name: "Acme" }, after: { name: "Acme" } },
      "Dana saved the organisation's settings without changing them.",
    ],
  ],
  "organisation.exported": [
    [
      {
        entityType: "organisation",
        after: { format: "preflight-organisation", useCases: 6, pilots: 1, incidents: 188 },
      },
      "Dana exported the whole organisation as a file (6 use cases, 1 pilot and 188 incidents).",
    ],
  ],
  "organisation.imported": [
    [
      {
        entityType: "organisation",
        ...systemActor("command line (npm run org:import)"),
        after: {
          slug: "acme-copy",
          fromSlug: "acme",
          exportedAt: "2026-11-20T10:00:00.000Z",
          members: 5,
          placeholders: 2,
        },
      },
      "Command line (npm run org:import) imported the organisation from a file exported from acme on 20 Nov 2026, with 5 members (2 new placeholder accounts, disabled).",
    ],
  ],
  "portfolio.settings_updated": [
    [
      {
        entityType: "organisation",
        before: { stallDays: 60, reviewIntervalDays: 180 },
        after: { stallDays: 45, reviewIntervalDays: 180 },
      },
      "Dana changed the portfolio settings: a pilot now counts as stalled after 45 days in a stage (was 60).",
    ],
  ],
  "gates.override_policy_updated": [
    [
      {
        entityType: "organisation",
        before: { overridesNeedSecondApprover: false },
        after: { overridesNeedSecondApprover: true },
      },
      "Dana required a second owner or admin to approve every gate override.",
    ],
  ],
  "gates.updated": [
    [
      {
        entityType: "organisation",
        before: { shadow: [{ kind: "min_accuracy", threshold: 0.9 }] },
        after: {
          shadow: [{ kind: "min_accuracy", threshold: 0.95 }],
          supervised: [{ kind: "required_signoffs", roles: ["lead", "admin"] }],
        },
      },
      "Dana changed the gate out of shadow and supervised.",
    ],
    [
      {
        entityType: "organisation",
        before: { shadow: [{ kind: "min_accuracy", threshold: 0.9 }] },
        after: {},
      },
      "Dana reset the gate out of shadow to the defaults.",
    ],
  ],
  "member.added": [
    [
      {
        entityType: "membership",
        ...systemActor("command line (npm run org:create)"),
        after: { id: "m1", userId: BEN, role: "owner" },
      },
      "Command line (npm run org:create) added Ben Ng as Owner.",
    ],
  ],
  "member.joined": [
    [
      {
        entityType: "membership",
        after: { id: "m1", userId: BEN, role: "lead", email: "ben@example.com", invitationId: "i" },
      },
      "Dana joined as Lead, accepting an invitation.",
    ],
  ],
  "member.role_changed": [
    [
      {
        entityType: "membership",
        before: { userId: BEN, email: "ben@example.com", role: "lead" },
        after: { userId: BEN, email: "ben@example.com", role: "contributor" },
      },
      "Dana changed the role of ben@example.com from Lead to Contributor.",
    ],
  ],
  "member.removed": [
    [
      {
        entityType: "membership",
        before: { userId: BEN, email: "ben@example.com", role: "admin" },
        after: { invitationsRevoked: ["i1", "i2"] },
      },
      "Dana removed ben@example.com (Admin) from the organisation, revoking 2 invitations they had sent.",
    ],
    [
      {
        entityType: "membership",
        before: { userId: BEN, email: "ben@example.com", role: "viewer" },
      },
      "Dana removed ben@example.com (Viewer) from the organisation.",
    ],
  ],
  "member.left": [
    [
      {
        entityType: "membership",
        before: { userId: BEN, email: "dana@example.com", role: "lead" },
      },
      "Dana left the organisation (was Lead).",
    ],
  ],
  "invitation.created": [
    [
      {
        entityType: "invitation",
        after: { role: "viewer", email: "eve@example.com", expiresAt: "2026-12-09T10:00:00.000Z" },
      },
      "Dana invited eve@example.com to join as Viewer, valid until 9 Dec 2026, 10:00 UTC.",
    ],
  ],
  "invitation.revoked": [
    [
      { entityType: "invitation", before: { id: "i", role: "viewer", email: "eve@example.com" } },
      "Dana revoked the invitation of eve@example.com to join as Viewer.",
    ],
  ],
  "api_token.created": [
    [
      {
        entityType: "api_token",
        after: {
          name: "Pager bridge",
          role: "contributor",
          tokenPrefix: "pf_abcd",
          expiresAt: "2027-03-01T00:00:00.000Z",
        },
      },
      "Dana created the API token “Pager bridge” acting as Contributor, expiring 1 Mar 2027.",
    ],
  ],
  "api_token.revoked": [
    [
      { entityType: "api_token", before: { id: "t", name: "Pager bridge", role: "contributor" } },
      "Dana revoked the API token “Pager bridge” (Contributor).",
    ],
  ],
  "use_case.created": [
    [
      { entityType: "use_case", entityId: UC, after: useCase },
      "Dana created the use case Refunds, worth £180,000 a year.",
    ],
  ],
  "use_case.updated": [
    [
      {
        entityType: "use_case",
        entityId: UC,
        before: useCase,
        after: { ...useCase, annualValue: 250000, ownerId: null },
      },
      "Dana edited the use case Refunds (owner and annual value).",
    ],
    [
      {
        entityType: "use_case",
        entityId: UC,
        before: useCase,
        after: { ...useCase, name: "Refund triage" },
      },
      "Dana edited the use case Refunds, now Refund triage (name).",
    ],
  ],
  "use_case.archived": [
    [
      {
        entityType: "use_case",
        entityId: UC,
        before: { archivedAt: null },
        after: { archivedAt: "2026-11-02T09:00:00.000Z" },
      },
      "Dana archived the use case Refunds.",
    ],
  ],
  "use_case.restored": [
    [
      {
        entityType: "use_case",
        entityId: UC,
        before: { archivedAt: "2026-11-02T09:00:00.000Z" },
        after: { archivedAt: null },
      },
      "Dana restored the use case Refunds.",
    ],
  ],
  "inventory_action.added": [
    [
      { entityType: "inventory_action", entityId: action.id, after: action },
      "Dana added the action “Issue a refund” (writes Stripe) to the inventory of Refunds.",
    ],
  ],
  "inventory_action.updated": [
    [
      {
        entityType: "inventory_action",
        entityId: action.id,
        before: action,
        after: { ...action, reversibility: "irreversible" },
      },
      "Dana changed the action “Issue a refund” of Refunds (reversibility).",
    ],
  ],
  "inventory_action.removed": [
    [
      { entityType: "inventory_action", entityId: action.id, before: action },
      "Dana removed the action “Issue a refund” from the inventory of Refunds.",
    ],
  ],
  "assessment.started": [
    [
      {
        entityType: "assessment",
        entityId: ASSESSMENT,
        after: { useCaseId: UC, bankVersion: 2, previousId: null, prefilled: 0, notCarried: [] },
      },
      "Dana started an assessment of Refunds (question bank v2).",
    ],
    [
      {
        entityType: "assessment",
        entityId: ASSESSMENT,
        after: {
          useCaseId: UC,
          bankVersion: 2,
          previousId: "99999999-9999-4999-8999-999999999999",
          prefilled: 40,
          notCarried: ["q1", "q2"],
        },
      },
      "Dana started a re-assessment of Refunds, carrying over 40 answers (2 could not be carried over).",
    ],
  ],
  "assessment.answered": [
    [
      {
        entityType: "assessment",
        entityId: ASSESSMENT,
        after: { answers: [{ questionId: "q1", optionId: "a" }] },
      },
      "Dana answered 1 question in the assessment of Refunds.",
    ],
  ],
  "assessment.submitted": [
    [
      {
        entityType: "assessment",
        entityId: ASSESSMENT,
        before: { status: "in_progress" },
        after: { status: "submitted", overall: 72.46, band: "supervised", confidence: 0.8 },
      },
      "Dana submitted the assessment of Refunds: 72.5 / 100, Supervised.",
    ],
  ],
  "pilot.started": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: { useCaseId: UC, stage: "sandbox", recommendedStage: "shadow", assumptions: 3 },
      },
      "Dana started a pilot of Refunds in sandbox.",
    ],
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: {
          useCaseId: UC,
          stage: "shadow",
          recommendedStage: "sandbox",
          justification: "Already ran it in sandbox last quarter.",
        },
      },
      "Dana started a pilot of Refunds in shadow, past the recommended sandbox. Reason: “Already ran it in sandbox last quarter.”",
    ],
  ],
  "pilot.updated": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { ownerId: BEN, startDate: "2026-11-01", targetDate: null, rollbackPlan: "Off" },
        after: {
          ownerId: BEN,
          startDate: "2026-11-01",
          targetDate: "2027-01-31",
          rollbackPlan: "Off",
        },
      },
      "Dana edited the pilot of Refunds (target date).",
    ],
  ],
  "pilot.promoted": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { stage: "shadow", status: "active", version: 3 },
        after: { stage: "supervised", status: "active", version: 4, reason: null },
      },
      "Dana promoted Refunds to supervised.",
    ],
  ],
  "pilot.promoted_with_override": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { stage: "supervised", status: "active", version: 3 },
        after: {
          stage: "limited_production",
          status: "active",
          version: 4,
          reason: "Board approved the risk for the holiday peak",
          overridden: [
            { kind: "min_accuracy", measured: "91.2%", threshold: "at least 95%" },
            { kind: "required_signoffs", measured: "none", threshold: "Lead" },
          ],
        },
      },
      "Dana promoted Refunds to limited production, overriding 2 failing criteria: accuracy at least 95% (measured 91.2%), sign-offs Lead (measured none). Reason: “Board approved the risk for the holiday peak”.",
    ],
  ],
  "pilot.override_requested": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: {
          fromStage: "supervised",
          toStage: "limited_production",
          justification: "Board approved the risk for the holiday peak",
          failing: [{ kind: "min_accuracy", measured: "91.2%", threshold: "at least 95%" }],
        },
      },
      "Dana asked for a second approver to promote Refunds from supervised to limited production, overriding 1 failing criterion: accuracy. Reason: “Board approved the risk for the holiday peak”.",
    ],
  ],
  "pilot.override_approved": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: {
          status: "approved",
          fromStage: "supervised",
          toStage: "limited_production",
          requestedBy: "Sam",
          note: null,
        },
      },
      "Dana approved Sam's override, promoting Refunds from supervised to limited production.",
    ],
  ],
  "pilot.override_rejected": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: {
          status: "rejected",
          fromStage: "supervised",
          toStage: "limited_production",
          requestedBy: "Sam",
          note: "Accuracy first",
        },
      },
      "Dana rejected Sam's override to promote Refunds to limited production. Note: “Accuracy first”.",
    ],
  ],
  "pilot.override_withdrawn": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: { status: "withdrawn", fromStage: "supervised", toStage: "limited_production" },
      },
      "Dana withdrew their override request to promote Refunds to limited production.",
    ],
  ],
  "pilot.rolled_back": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { stage: "limited_production", status: "active" },
        after: { stage: "shadow", status: "active", reason: "Double refunds" },
      },
      "Dana rolled Refunds back from limited production to shadow. Reason: “Double refunds”.",
    ],
  ],
  "pilot.paused": [
    [pilotInShadow("active", "paused"), "Dana paused the pilot of Refunds in shadow."],
  ],
  "pilot.resumed": [
    [pilotInShadow("paused", "active"), "Dana resumed the pilot of Refunds in shadow."],
  ],
  "pilot.retired": [
    [
      pilotInShadow("active", "retired", "Vendor dropped"),
      "Dana retired the pilot of Refunds in shadow. Reason: “Vendor dropped”.",
    ],
  ],
  "pilot.signed_off": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: { stage: "supervised", criterion: "min_accuracy", role: "lead", note: null },
      },
      "Dana signed off accuracy on the gate out of supervised for Refunds, as Lead.",
    ],
  ],
  "pilot.signoff_withdrawn": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { criterion: "required_signoffs", stage: "supervised" },
      },
      "Dana withdrew their sign-off of sign-offs on the gate out of supervised for Refunds.",
    ],
  ],
  "run_metrics.recorded": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        actorType: "token",
        actorLabel: 'API token "Metrics bridge"',
        after: {
          period: "day",
          periodStart: "2026-11-03",
          attempted: 1200,
          correct: 1150,
          overrides: 30,
          escalations: 1,
          source: "api",
        },
      },
      'API token "Metrics bridge" recorded run metrics for Refunds for the day of 3 Nov 2026: 1,200 actions, 1,150 correct, 30 overrides and 1 escalation.',
    ],
  ],
  "run_metrics.updated": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: {
          period: "week",
          periodStart: "2026-11-02",
          attempted: 10,
          correct: 9,
          overrides: 1,
          escalations: 0,
        },
        after: {
          period: "week",
          periodStart: "2026-11-02",
          attempted: 12,
          correct: 11,
          overrides: 1,
          escalations: 0,
          source: "web",
        },
      },
      "Dana corrected run metrics for Refunds for the week of 2 Nov 2026: 12 actions, 11 correct, 1 override and 0 escalations.",
    ],
  ],
  "assumption.added": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        after: { assumptionId: ASSUMPTION, text: "Refunds under £50 need no approval" },
      },
      "Dana added the assumption “Refunds under £50 need no approval” to the pilot of Refunds.",
    ],
  ],
  "assumption.updated": [
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { assumptionId: ASSUMPTION, status: "open", evidence: null },
        after: { assumptionId: ASSUMPTION, status: "broken", evidence: "INC-12" },
      },
      "Dana marked the assumption “Customers reply within a day” of Refunds as broken.",
    ],
    [
      {
        entityType: "pilot",
        entityId: PILOT,
        before: { assumptionId: ASSUMPTION, status: "verified", evidence: null },
        after: { assumptionId: ASSUMPTION, status: "verified", evidence: "Survey" },
      },
      "Dana updated the evidence for the assumption “Customers reply within a day” of Refunds.",
    ],
  ],
  "incident.created": [
    [
      {
        entityType: "incident",
        entityId: INCIDENT,
        after: { pilotId: PILOT, stage: "shadow", ...incident },
      },
      "Dana logged a Sev2 incident, “Refund sent twice”, on the pilot of Refunds in shadow.",
    ],
    [
      {
        entityType: "incident",
        entityId: INCIDENT,
        after: { pilotId: null, stage: null, ...incident },
      },
      "Dana logged a Sev2 incident, “Refund sent twice”, not tied to a pilot.",
    ],
  ],
  "incident.updated": [
    [
      {
        entityType: "incident",
        entityId: INCIDENT,
        before: incident,
        after: { ...incident, severity: "sev1", costEstimate: 5000 },
      },
      "Dana edited the incident “Refund sent twice” (severity and cost estimate).",
    ],
  ],
  "incident.resolved": [
    [
      {
        entityType: "incident",
        entityId: INCIDENT,
        before: incident,
        after: { ...incident, resolvedAt: "2026-11-01T12:30:00.000Z" },
      },
      "Dana resolved the incident “Refund sent twice” as of 1 Nov 2026, 12:30 UTC.",
    ],
  ],
  "incident.reopened": [
    [
      {
        entityType: "incident",
        entityId: INCIDENT,
        before: { ...incident, resolvedAt: "2026-11-01T12:30:00.000Z" },
        after: incident,
      },
      "Dana reopened the incident “Refund sent twice”.",
    ],
  ],
  "user.disabled": [
    [
      {
        entityType: "user",
        entityId: BEN,
        ...systemActor("command line (npm run user:disable)"),
        before: { id: BEN, disabledAt: null },
        after: { id: BEN, disabledAt: "2026-11-05T08:00:00.000Z", sessionsEnded: true },
      },
      "Command line (npm run user:disable) disabled the account of Ben Ng and ended its sessions.",
    ],
  ],
  "user.enabled": [
    [
      {
        entityType: "user",
        entityId: BEN,
        ...systemActor("command line (npm run user:disable)"),
        before: { id: BEN, disabledAt: "2026-11-05T08:00:00.000Z" },
        after: { id: BEN, disabledAt: null },
      },
      "Command line (npm run user:disable) enabled the account of Ben Ng again.",
    ],
  ],
  "user.verification_email_sent": [
    [
      {
        entityType: "user",
        entityId: BEN,
        after: { email: "dana@example.com", expiresAt: "2026-11-06T08:00:00.000Z" },
      },
      "Dana asked for a link to verify dana@example.com.",
    ],
  ],
  "user.email_verified": [
    [
      { entityType: "user", entityId: BEN, after: { email: "dana@example.com" } },
      "Dana verified the email address dana@example.com.",
    ],
  ],
  "user.password_reset_requested": [
    [
      {
        entityType: "user",
        entityId: BEN,
        ...systemActor("forgotten password form"),
        after: { email: "dana@example.com", expiresAt: "2026-11-06T08:30:00.000Z" },
      },
      "Someone asked for a password reset link for dana@example.com.",
    ],
  ],
  "user.password_reset": [
    [
      { entityType: "user", entityId: BEN, after: { sessionsEnded: true } },
      "Dana set a new password with a reset link, ending every session.",
    ],
  ],
  "user.password_changed": [
    [
      { entityType: "user", entityId: BEN, after: { sessionsEnded: true } },
      "Dana changed their password, ending their other sessions.",
    ],
  ],
  "user.sessions_ended": [
    [
      { entityType: "user", entityId: BEN, after: { sessionsEnded: true } },
      "Dana signed out of all devices.",
    ],
  ],
  "workshop.created": [
    [
      {
        entityType: "workshop",
        after: {
          useCaseId: UC,
          title: "Refunds kick-off",
          date: "2026-12-09",
          dimensions: ["process"],
        },
      },
      "Dana set up the workshop “Refunds kick-off” for 9 Dec 2026.",
    ],
  ],
  "workshop.updated": [
    [
      {
        entityType: "workshop",
        before: { title: "Refunds", roleTags: ["Executive"], pace: "self_paced" },
        after: { title: "Refunds", roleTags: ["Executive", "Operator"], pace: "led" },
      },
      "Dana edited the workshop “Refunds” (role tags and pace).",
    ],
  ],
  "workshop.opened": [
    [
      {
        entityType: "workshop",
        before: { state: "draft" },
        after: { title: "Refunds", state: "open" },
      },
      "Dana opened the workshop “Refunds” to participants.",
    ],
    [
      {
        entityType: "workshop",
        before: { state: "paused" },
        after: { title: "Refunds", state: "open" },
      },
      "Dana resumed the workshop “Refunds”.",
    ],
  ],
  "workshop.paused": [
    [
      { entityType: "workshop", after: { title: "Refunds", state: "paused" } },
      "Dana paused the workshop “Refunds”.",
    ],
  ],
  "workshop.closed": [
    [
      { entityType: "workshop", after: { title: "Refunds", state: "closed" } },
      "Dana closed the workshop “Refunds”; it takes no more answers.",
    ],
  ],
  "workshop.led": [
    [
      { entityType: "workshop", after: { title: "Refunds", currentDimension: "process" } },
      "Dana moved the room of the workshop “Refunds” to Process clarity and undocumented heroics.",
    ],
    [
      { entityType: "workshop", after: { title: "Refunds", currentDimension: null } },
      "Dana let the room of the workshop “Refunds” go at its own pace.",
    ],
  ],
  "workshop.consensus_recorded": [
    [
      {
        entityType: "workshop",
        after: {
          title: "Refunds",
          question: "Is the workflow written down?",
          answer: "No, it lives in people's heads",
          note: "Operators fix exceptions by hand",
        },
      },
      "Dana recorded the room's answer to “Is the workflow written down?” in the workshop “Refunds”: No, it lives in people's heads. Note: “Operators fix exceptions by hand”.",
    ],
  ],
  "workshop.converted": [
    [
      {
        entityType: "workshop",
        after: { title: "Refunds", assessmentId: ASSESSMENT, answers: 12 },
      },
      "Dana turned the workshop “Refunds” into an assessment, with the room's answers to 12 questions.",
    ],
  ],
  "workshop.joined": [
    [
      {
        entityType: "workshop",
        actorType: "system",
        actorLabel: "a guest",
        actorEmail: null,
        actorName: null,
        after: { title: "Refunds", displayName: "Sam", roleTag: "Operator" },
      },
      "A guest (Sam) joined the workshop “Refunds” as Operator.",
    ],
    [
      { entityType: "workshop", after: { title: "Refunds", displayName: null, roleTag: null } },
      "Dana joined the workshop “Refunds”.",
    ],
  ],
};

const event = (action: string, example: Example): AuditEventForSentence => ({
  action,
  entityId: null,
  before: null,
  after: null,
  ...dana,
  ...example,
});

describe("describeAuditEvent: one sentence for every action the app writes", () => {
  test.each(
    AUDIT_ACTIONS.flatMap((action) =>
      EXAMPLES[action].map(([example, sentence]) => [action, sentence, example] as const),
    ),
  )("%s → %s", (action, sentence, example) => {
    expect(describeAuditEvent(event(action, example), ctx)).toBe(sentence);
  });

  test("every action string written in db/queries has its own sentence", () => {
    const dir = path.join(process.cwd(), "db/queries");
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const match of source.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) {
        if (match[1]) written.add(match[1]);
      }
      // Pilot transitions are written as `pilot.${PAST[type]}`.
      const past = /const PAST[^{]*\{([^}]*)\}/.exec(source);
      for (const m of past?.[1]?.matchAll(/"([a-z_]+)"/g) ?? []) written.add(`pilot.${m[1]}`);
    }
    const known = new Set<string>(AUDIT_ACTIONS);
    const auditLike = [...written].filter((a) =>
      /^(organisation|gates|member|invitation|api_token|use_case|inventory_action|assessment|pilot|run_metrics|assumption|incident|user|workshop)\./.test(
        a,
      ),
    );
    expect(auditLike.length).toBeGreaterThan(40);
    expect(auditLike.filter((a) => !known.has(a))).toEqual([]);
  });

  test("names that were deleted since read as what they were", () => {
    const empty = {
      ...ctx,
      names: { useCases: {}, pilots: {}, assessments: {}, people: {}, assumptions: {} },
    };
    expect(
      describeAuditEvent(
        event("pilot.promoted", {
          entityType: "pilot",
          entityId: PILOT,
          after: { stage: "shadow" },
        }),
        empty,
      ),
    ).toBe("Dana promoted a pilot to shadow.");
    expect(
      describeAuditEvent(
        event("use_case.archived", { entityType: "use_case", entityId: UC }),
        empty,
      ),
    ).toBe("Dana archived a use case.");
    expect(
      describeAuditEvent(
        event("pilot.paused", { entityType: "pilot", entityId: PILOT, after: { stage: "shadow" } }),
        empty,
      ),
    ).toBe("Dana paused a pilot in shadow.");
  });

  test("an action the app does not know still gets a sentence with its code", () => {
    expect(
      describeAuditEvent(event("pilot.teleported", { entityType: "pilot", entityId: PILOT }), ctx),
    ).toBe("Dana made a change to a pilot (recorded as pilot.teleported).");
    expect(describeAuditEvent(event("widget.spun", { entityType: "widget" }), ctx)).toBe(
      "Dana made a change to a widget (recorded as widget.spun).",
    );
  });

  test("people are named by display name, then email; tokens and tools by their label", () => {
    const base = { entityType: "use_case", entityId: UC } as const;
    expect(describeAuditEvent(event("use_case.archived", { ...base, actorName: null }), ctx)).toBe(
      "dana@example.com archived the use case Refunds.",
    );
    expect(
      describeAuditEvent(
        event("use_case.archived", {
          ...base,
          actorType: "token",
          actorLabel: 'API token "CI"',
          actorEmail: "dana@example.com",
        }),
        ctx,
      ),
    ).toBe('API token "CI" archived the use case Refunds.');
  });

  test("amounts are in the organisation's currency", () => {
    const created = event("use_case.created", {
      entityType: "use_case",
      entityId: UC,
      after: useCase,
    });
    expect(describeAuditEvent(created, { ...ctx, currency: "EUR" })).toBe(
      "Dana created the use case Refunds, worth €180,000 a year.",
    );
  });
});

describe("auditChanges: the fields an event changed, in words", () => {
  test("an edit lists only what changed, with labels and formatted values", () => {
    const e = event("use_case.updated", {
      entityType: "use_case",
      entityId: UC,
      before: useCase,
      after: { ...useCase, annualValue: 250000, ownerId: null, status: "assessing" },
    });
    expect(auditChanges(e, ctx)).toEqual([
      { field: "ownerId", label: "Owner", before: "Ben Ng", after: "—" },
      { field: "annualValue", label: "Annual value", before: "£180,000", after: "£250,000" },
      { field: "status", label: "Status", before: "Candidate", after: "Being assessed" },
    ]);
  });

  test("stages, dates, statuses and money read as words", () => {
    const promoted = event("pilot.promoted", {
      entityType: "pilot",
      entityId: PILOT,
      before: { stage: "supervised", status: "paused", version: 3 },
      after: { stage: "limited_production", status: "active", version: 4, reason: null },
    });
    expect(auditChanges(promoted, ctx)).toEqual([
      { field: "stage", label: "Stage", before: "Supervised", after: "Limited production" },
      { field: "status", label: "Status", before: "Paused", after: "Active" },
    ]);
    const resolved = event("incident.resolved", {
      entityType: "incident",
      before: incident,
      after: { ...incident, resolvedAt: "2026-11-01T12:30:00.000Z", costEstimate: 1500 },
    });
    expect(auditChanges(resolved, { ...ctx, currency: "USD" })).toEqual([
      { field: "resolvedAt", label: "Resolved", before: "—", after: "1 Nov 2026, 12:30 UTC" },
      { field: "costEstimate", label: "Cost estimate", before: "US$1,200", after: "US$1,500" },
    ]);
  });

  test("a creation lists what was recorded, without the ids the sentence names", () => {
    const e = event("inventory_action.added", { entityType: "inventory_action", after: action });
    expect(auditChanges(e, ctx).map((c) => [c.label, c.after])).toEqual([
      ["Name", "Issue a refund"],
      ["System", "Stripe"],
      ["Access", "Writes"],
      ["Reversibility", "Hard to reverse"],
      ["Blast radius", BLAST_RADIUS_LABELS.money],
      ["Frequency", FREQUENCY_LABELS.hourly],
    ]);
  });

  test("a creation leaves out the values it did not have; lists read with commas", () => {
    const e = event("use_case.created", {
      entityType: "use_case",
      entityId: UC,
      after: { ...useCase, systems: ["Stripe", "Zendesk"] },
    });
    expect(auditChanges(e, ctx).map((c) => [c.label, c.after])).toEqual([
      ["Name", "Refunds"],
      ["Owner", "Ben Ng"],
      ["Business value", "3 · Meaningful"],
      ["Annual value", "£180,000"],
      ["Systems touched", "Stripe, Zendesk"],
      ["Status", "Candidate"],
    ]);
  });

  test("gate changes list the criteria in words", () => {
    const e = event("gates.updated", {
      entityType: "organisation",
      before: {},
      after: {
        supervised: [
          { kind: "min_accuracy", threshold: 0.95 },
          { kind: "required_signoffs", roles: ["lead", "admin"] },
        ],
      },
    });
    expect(auditChanges(e, ctx)).toEqual([
      {
        field: "supervised",
        label: "Gate out of supervised",
        before: "—",
        after: "accuracy at least 95%; sign-offs by Lead and Admin",
      },
    ]);
  });
});

describe("auditReferences and labels", () => {
  test("collects the ids whose names a page needs", () => {
    const refs = auditReferences([
      event("pilot.started", {
        entityType: "pilot",
        entityId: PILOT,
        after: { useCaseId: UC, ownerId: BEN },
      }),
      event("assumption.updated", {
        entityType: "pilot",
        entityId: PILOT,
        after: { assumptionId: ASSUMPTION },
      }),
      event("assessment.answered", { entityType: "assessment", entityId: ASSESSMENT }),
      event("member.added", { entityType: "membership", entityId: "m1", after: { userId: BEN } }),
    ]);
    expect(refs).toEqual({
      useCaseIds: [UC],
      pilotIds: [PILOT],
      assessmentIds: [ASSESSMENT],
      userIds: [BEN],
      assumptionIds: [ASSUMPTION],
    });
  });

  test.each([
    ["pilot.promoted_with_override", "Pilot promoted with override"],
    ["api_token.created", "API token created"],
    ["run_metrics.recorded", "Run metrics recorded"],
  ])("%s → %s", (action, text) => {
    expect(auditActionLabel(action)).toBe(text);
  });
});
