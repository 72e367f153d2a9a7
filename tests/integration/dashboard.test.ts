import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { getGettingStarted } from "@/db/queries/dashboard";
import { createIncident } from "@/db/queries/incident-writes";
import { createInvitation, revokeInvitation } from "@/db/queries/invitations";
import { createOrganisation, memberContext } from "@/db/queries/organisations";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { createUseCase, setUseCaseArchived } from "@/db/queries/use-cases";
import { memberships } from "@/db/schema";
import {
  makeOrg,
  makeUser,
  OPEN_INCIDENT_REST,
  startPilotOf,
  submitAssessmentFor,
  type TestOrg,
  uniq,
} from "./fixtures";

const today = () => new Date().toISOString().slice(0, 10);

/** A brand-new organisation with its owner only, as sign-up leaves it. */
async function freshOrg() {
  const owner = await makeUser("Fresh Owner");
  const org = await db.transaction((tx) =>
    createOrganisation(
      tx,
      { type: "user", userId: owner.id, label: owner.email },
      {
        name: `Fresh ${uniq()}`,
        ownerUserId: owner.id,
      },
    ),
  );
  const ctx = await memberContext(owner, org.slug);
  if (!ctx) throw new Error("no context");
  return { org, owner, ctx };
}

const NOTHING = {
  teammateInvited: false,
  useCaseCreated: false,
  assessmentSubmitted: false,
  pilotStarted: false,
  runMetricsRecorded: false,
  incidentLogged: false,
  activeUseCases: 0,
  annualValue: null,
};

describe("the dashboard's getting-started steps", () => {
  test("tick one by one as the organisation's data appears", async () => {
    const { org, ctx } = await freshOrg();
    // Another organisation far along changes nothing here.
    await makeOrg();
    expect(await getGettingStarted(ctx)).toEqual(NOTHING);

    const uc = await createUseCase(ctx, {
      name: "Refunds",
      description: "",
      ownerId: null,
      businessValue: 3,
      annualValue: 180_000,
      systems: ["Stripe"],
      status: "candidate",
    });
    expect(await getGettingStarted(ctx)).toEqual({
      ...NOTHING,
      useCaseCreated: true,
      activeUseCases: 1,
      annualValue: 180_000,
    });

    // An assessment only counts once submitted (the fixture starts, answers, then submits).
    const asOrg = { ctx: { owner: ctx } } as unknown as TestOrg;
    await submitAssessmentFor(asOrg, uc.id);
    const assessed = { ...NOTHING, useCaseCreated: true, activeUseCases: 1, annualValue: 180_000 };
    expect(await getGettingStarted(ctx)).toEqual({ ...assessed, assessmentSubmitted: true });

    const pilot = await startPilotOf(ctx, uc.id);
    const piloted = { ...assessed, assessmentSubmitted: true, pilotStarted: true };
    expect(await getGettingStarted(ctx)).toEqual(piloted);

    await recordRunMetrics(
      ctx,
      pilot.id,
      [
        {
          period: "day",
          periodStart: today(),
          attempted: 10,
          correct: 9,
          overrides: 1,
          escalations: 0,
        },
      ],
      "ui",
    );
    const measured = { ...piloted, runMetricsRecorded: true };
    expect(await getGettingStarted(ctx)).toEqual(measured);

    await createIncident(ctx, pilot.id, {
      title: "Refund sent twice",
      description: "",
      severity: "sev3",
      category: "stale_data",
      detectionSource: "automated_check",
      outcome: "contained",
      startedAt: new Date(),
      ...OPEN_INCIDENT_REST,
    });
    const logged = { ...measured, incidentLogged: true };
    expect(await getGettingStarted(ctx)).toEqual(logged);

    // A pending invitation counts; revoked, it no longer does; a second member does.
    const { invitation } = await createInvitation(ctx, {
      role: "lead",
      email: `lee.${uniq()}@example.com`,
    });
    expect((await getGettingStarted(ctx)).teammateInvited).toBe(true);
    await revokeInvitation(ctx, invitation.id);
    expect((await getGettingStarted(ctx)).teammateInvited).toBe(false);
    const teammate = await makeUser("Tam Teammate");
    await db.insert(memberships).values({ orgId: org.id, userId: teammate.id, role: "viewer" });
    const viewer = await memberContext(teammate, org.slug);
    expect(await getGettingStarted(viewer!)).toEqual({ ...logged, teammateInvited: true });

    // Archiving the use case keeps the step done but leaves the value out of the total.
    await setUseCaseArchived(ctx, uc.id, true);
    expect(await getGettingStarted(ctx)).toEqual({
      ...logged,
      teammateInvited: true,
      activeUseCases: 0,
      annualValue: null,
    });
  });
});
