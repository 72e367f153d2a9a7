import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { authenticateApiToken, createApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { getGateSettings, updateOverridePolicy } from "@/db/queries/gate-settings";
import { getOrganisation, memberContext } from "@/db/queries/organisations";
import {
  listOverrideRequests,
  rejectOverrideRequest,
  withdrawOverrideRequest,
} from "@/db/queries/pilot-override-requests";
import { approveOverrideRequest, transitionPilot } from "@/db/queries/pilot-transitions";
import { getPilot, listPilotTimeline, updatePilot } from "@/db/queries/pilots";
import { memberships } from "@/db/schema";
import type { MemberContext } from "@/lib/domain/permissions";
import { failure, makeOrg, makeUser, outcome, startedPilot, type TestOrg } from "./fixtures";

const JUSTIFICATION =
  "Finance approves every action by hand this quarter; accuracy is not at risk.";

async function extraAdmin(org: TestOrg): Promise<MemberContext> {
  const user = await makeUser("Second admin");
  await db.insert(memberships).values({ orgId: org.orgId, userId: user.id, role: "admin" });
  const ctx = await memberContext(user, org.slug);
  if (!ctx) throw new Error("no context");
  return ctx;
}

async function secondApprover(org: TestOrg, on = true) {
  const { version } = await getOrganisation(org.ctx.owner);
  await updateOverridePolicy(org.ctx.owner, { overridesNeedSecondApprover: on, version });
}

/** An override promotion of a shadow pilot to supervised, with the usual justification. */
const overrideToSupervised = (by: MemberContext, pilot: { id: string; version: number }) =>
  transitionPilot(by, pilot.id, {
    to: "supervised",
    override: true,
    justification: JUSTIFICATION,
    version: pilot.version,
  });

/** A pilot in shadow whose gate fails (a brand-new stage), and an override asked by `by`. */
async function requested(org: TestOrg, by: MemberContext = org.ctx.owner) {
  const pilot = await startedPilot(org, { stage: "shadow" });
  const result = await overrideToSupervised(by, pilot);
  if (!result.request) throw new Error("expected an override request");
  return { pilot, request: result.request };
}

describe("overrides that need a second approver", () => {
  test("the setting is off by default, owners and admins change it, and it is audited", async () => {
    const org = await makeOrg();
    expect((await getGateSettings(org.ctx.viewer)).overridesNeedSecondApprover).toBe(false);
    const { version } = await getOrganisation(org.ctx.owner);
    expect(
      await outcome(
        updateOverridePolicy(org.ctx.lead, { overridesNeedSecondApprover: true, version }),
      ),
    ).toBe("forbidden");
    await updateOverridePolicy(org.ctx.admin, { overridesNeedSecondApprover: true, version });
    expect((await getGateSettings(org.ctx.viewer)).overridesNeedSecondApprover).toBe(true);
    // A form opened before that save is stale.
    expect(
      await outcome(
        updateOverridePolicy(org.ctx.owner, { overridesNeedSecondApprover: false, version }),
      ),
    ).toBe("conflict");
    const [event] = (
      await listAuditEvents(org.ctx.owner, { action: "gates.override_policy_updated" })
    ).events;
    expect(event?.before).toEqual({ overridesNeedSecondApprover: false });
    expect(event?.after).toEqual({ overridesNeedSecondApprover: true });
  });

  test("with the setting off, an owner's override promotes at once", async () => {
    const org = await makeOrg();
    const pilot = await startedPilot(org, { stage: "shadow" });
    const result = await overrideToSupervised(org.ctx.owner, pilot);
    expect(result.request).toBeNull();
    expect(result.pilot.stage).toBe("supervised");
    expect(await listOverrideRequests(org.ctx.viewer, pilot.id)).toEqual([]);
  });

  test("an override becomes a request; another admin approves it, which promotes, audited", async () => {
    const org = await makeOrg();
    await secondApprover(org);
    const { pilot, request } = await requested(org);

    // The pilot has not moved; the request shows what it overrides.
    const waiting = await getPilot(org.ctx.viewer, pilot.id);
    expect(waiting).toMatchObject({ stage: "shadow", version: pilot.version });
    expect(request).toMatchObject({
      status: "pending",
      fromStage: "shadow",
      toStage: "supervised",
      pilotVersion: pilot.version,
      justification: JUSTIFICATION,
      requestedBy: org.users.owner.id,
      staleReason: null,
    });
    expect(request.failing.map((c) => c.kind)).toEqual([
      "min_days_in_stage",
      "min_actions_observed",
      "min_accuracy",
    ]);
    const [asked] = (await listAuditEvents(org.ctx.owner, { action: "pilot.override_requested" }))
      .events;
    expect(asked?.entityId).toBe(pilot.id);
    expect(asked?.after).toMatchObject({ requestId: request.id, toStage: "supervised" });
    // A second request for the same promotion is refused while this one waits.
    const twice = await failure(overrideToSupervised(org.ctx.admin, pilot));
    expect(twice.code).toBe("conflict");
    expect(twice.message).toMatch(/already waiting for approval/);

    // A lead cannot approve; the admin can.
    expect(
      await outcome(
        approveOverrideRequest(org.ctx.lead, pilot.id, request.id, { version: request.version }),
      ),
    ).toBe("forbidden");
    const approved = await approveOverrideRequest(org.ctx.admin, pilot.id, request.id, {
      note: "Checked the finance sign-off sheet.",
      version: request.version,
    });
    expect(approved.pilot).toMatchObject({ stage: "supervised", version: pilot.version + 1 });
    expect(approved.transition.overridden.map((c) => c.kind)).toEqual(
      request.failing.map((c) => c.kind),
    );
    expect(approved.request).toMatchObject({
      status: "approved",
      decisionNote: "Checked the finance sign-off sheet.",
    });
    expect(approved.request.decidedByName).toBe(org.users.admin.name);

    const promoted = (
      await listAuditEvents(org.ctx.owner, { action: "pilot.promoted_with_override" })
    ).events.find((e) => e.entityId === pilot.id);
    expect(promoted?.after).toMatchObject({
      stage: "supervised",
      reason: JUSTIFICATION,
      overrideRequestId: request.id,
    });
    const decision = (
      await listAuditEvents(org.ctx.owner, { action: "pilot.override_approved" })
    ).events.find((e) => e.entityId === pilot.id);
    expect(decision?.after).toMatchObject({ requestId: request.id, status: "approved" });

    const last = (await listPilotTimeline(org.ctx.viewer, pilot.id)).at(-1);
    expect(last).toMatchObject({ kind: "promote", toStage: "supervised", reason: JUSTIFICATION });
    expect(last?.approval?.requestedBy).toBe(org.users.owner.name);
    // Decided is final.
    expect(
      await outcome(
        approveOverrideRequest(org.ctx.admin, pilot.id, request.id, {
          version: approved.request.version,
        }),
      ),
    ).toBe("conflict");
  });

  test("the requester cannot approve their own request, nor through their token", async () => {
    const org = await makeOrg();
    await secondApprover(org);
    const { pilot, request } = await requested(org, org.ctx.admin);
    const own = await failure(
      approveOverrideRequest(org.ctx.admin, pilot.id, request.id, { version: request.version }),
    );
    expect(own.code).toBe("forbidden");
    expect(own.message).toBe(
      "You asked for this override: another owner or admin must approve or reject it. You can withdraw it.",
    );
    const { token } = await createApiToken(org.ctx.admin, { name: "CI", role: "admin" });
    const authenticated = await authenticateApiToken(token);
    if (!authenticated.ok) throw new Error("token not accepted");
    expect(
      await outcome(
        approveOverrideRequest(authenticated.ctx, pilot.id, request.id, {
          version: request.version,
        }),
      ),
    ).toBe("forbidden");
    expect(
      await outcome(
        rejectOverrideRequest(org.ctx.admin, pilot.id, request.id, {
          note: "Changed my mind about this.",
          version: request.version,
        }),
      ),
    ).toBe("forbidden");
    expect((await getPilot(org.ctx.viewer, pilot.id)).stage).toBe("shadow");
    const [still] = await listOverrideRequests(org.ctx.viewer, pilot.id);
    expect(still?.status).toBe("pending");
  });

  test("another admin rejects with a note; the pilot stays", async () => {
    const org = await makeOrg();
    await secondApprover(org);
    const { pilot, request } = await requested(org);
    const noNote = await failure(
      rejectOverrideRequest(org.ctx.admin, pilot.id, request.id, {
        note: "No.",
        version: request.version,
      }),
    );
    expect(noNote.code).toBe("invalid_input");
    expect(noNote.fields?.note).toEqual([
      "Say why you reject it, in at least 10 characters: the requester sees it.",
    ]);
    const rejected = await rejectOverrideRequest(org.ctx.admin, pilot.id, request.id, {
      note: "Accuracy must be measured in shadow first.",
      version: request.version,
    });
    expect(rejected).toMatchObject({
      status: "rejected",
      decisionNote: "Accuracy must be measured in shadow first.",
    });
    expect(await getPilot(org.ctx.viewer, pilot.id)).toMatchObject({
      stage: "shadow",
      version: pilot.version,
    });
    const event = (
      await listAuditEvents(org.ctx.owner, { action: "pilot.override_rejected" })
    ).events.find((e) => e.entityId === pilot.id);
    expect(event?.after).toMatchObject({
      requestId: request.id,
      note: "Accuracy must be measured in shadow first.",
    });
    // A rejected request cannot be approved afterwards.
    expect(
      await outcome(
        approveOverrideRequest(org.ctx.admin, pilot.id, request.id, { version: rejected.version }),
      ),
    ).toBe("conflict");
  });

  test("only the requester withdraws it", async () => {
    const org = await makeOrg();
    await secondApprover(org);
    const { pilot, request } = await requested(org, org.ctx.admin);
    expect(
      await outcome(
        withdrawOverrideRequest(org.ctx.owner, pilot.id, request.id, { version: request.version }),
      ),
    ).toBe("forbidden");
    const withdrawn = await withdrawOverrideRequest(org.ctx.admin, pilot.id, request.id, {
      version: request.version,
    });
    expect(withdrawn.status).toBe("withdrawn");
    expect(
      (await listAuditEvents(org.ctx.owner, { action: "pilot.override_withdrawn" })).events.some(
        (e) => e.entityId === pilot.id,
      ),
    ).toBe(true);
    expect(
      await outcome(
        approveOverrideRequest(org.ctx.owner, pilot.id, request.id, {
          version: withdrawn.version,
        }),
      ),
    ).toBe("conflict");
  });

  test("a request goes stale when the pilot changes: approving it is a conflict", async () => {
    const org = await makeOrg();
    await secondApprover(org);
    const { pilot, request } = await requested(org);
    // The pilot is edited (its version moves on) before anyone decides.
    await updatePilot(org.ctx.lead, pilot.id, {
      ownerId: null,
      startDate: pilot.startDate,
      targetDate: null,
      rollbackPlan: "Flag off; agents take over by hand.",
      version: pilot.version,
    });
    const [listed] = await listOverrideRequests(org.ctx.viewer, pilot.id);
    expect(listed?.staleReason).toMatch(/has changed since this override was asked for/);
    const stale = await failure(
      approveOverrideRequest(org.ctx.admin, pilot.id, request.id, { version: request.version }),
    );
    expect(stale.code).toBe("conflict");
    expect(stale.message).toBe(
      `The pilot has changed since this override was asked for (version ${pilot.version}, now ${pilot.version + 1}): it no longer applies. Ask again if it is still needed.`,
    );
    expect((await getPilot(org.ctx.viewer, pilot.id)).stage).toBe("shadow");

    // After a rollback it has moved stage as well; it can still be rejected to clear it.
    const moved = await startedPilot(org, { stage: "shadow" });
    const second = await overrideToSupervised(org.ctx.owner, moved);
    if (!second.request) throw new Error("expected an override request");
    await transitionPilot(org.ctx.lead, moved.id, {
      to: "sandbox",
      justification: "Duplicate tags after the catalogue rename.",
      version: moved.version,
    });
    const afterMove = await failure(
      approveOverrideRequest(org.ctx.admin, moved.id, second.request.id, {
        version: second.request.version,
      }),
    );
    expect(afterMove.code).toBe("conflict");
    expect(afterMove.message).toMatch(/^The pilot has moved to sandbox since this override/);
    const cleared = await rejectOverrideRequest(org.ctx.admin, moved.id, second.request.id, {
      note: "The pilot was rolled back meanwhile.",
      version: second.request.version,
    });
    expect(cleared.status).toBe("rejected");
  });

  test("asked twice at once, one request is made; approved twice at once, one promotion", async () => {
    const org = await makeOrg();
    await secondApprover(org);
    const pilot = await startedPilot(org, { stage: "shadow" });
    const ask = (ctx: MemberContext) => overrideToSupervised(ctx, pilot);
    const asked = await Promise.allSettled([ask(org.ctx.owner), ask(org.ctx.admin)]);
    expect(asked.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((asked.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe(
      "conflict",
    );
    const [request] = await listOverrideRequests(org.ctx.viewer, pilot.id);
    if (!request) throw new Error("expected a request");
    const approvers = [org.ctx.owner, org.ctx.admin].filter(
      (ctx) => ctx.actor.type === "user" && ctx.actor.userId !== request.requestedBy,
    );
    // Another owner or admin who did not ask, to approve at the same moment.
    const second = await extraAdmin(org);
    const approve = (ctx: MemberContext) =>
      approveOverrideRequest(ctx, pilot.id, request.id, { version: request.version });
    const results = await Promise.allSettled([approve(approvers[0]!), approve(second)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code,
    ).toBe("conflict");
    const timeline = await listPilotTimeline(org.ctx.viewer, pilot.id);
    expect(timeline.filter((t) => t.kind === "promote")).toHaveLength(1);
    expect((await getPilot(org.ctx.viewer, pilot.id)).stage).toBe("supervised");
  });

  test("another organisation's requests are not found", async () => {
    const org = await makeOrg();
    const other = await makeOrg();
    await secondApprover(org);
    const { pilot, request } = await requested(org);
    const intruder = other.ctx.owner;
    expect(await outcome(listOverrideRequests(intruder, pilot.id))).toBe("not_found");
    expect(
      await outcome(
        approveOverrideRequest(intruder, pilot.id, request.id, { version: request.version }),
      ),
    ).toBe("not_found");
    expect(
      await outcome(
        rejectOverrideRequest(intruder, pilot.id, request.id, {
          note: "Not yours to decide on.",
          version: request.version,
        }),
      ),
    ).toBe("not_found");
    // A request id reached through another pilot of the same organisation is not found either.
    const sibling = await startedPilot(org, { stage: "sandbox" });
    expect(
      await outcome(
        approveOverrideRequest(org.ctx.admin, sibling.id, request.id, { version: request.version }),
      ),
    ).toBe("not_found");
  });
});
