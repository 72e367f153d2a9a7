import { describe, expect, test } from "vitest";
import { createIncident } from "@/db/queries/incident-writes";
import { listPilotFilterOptions } from "@/db/queries/pilots";
import { makeOrg, OPEN_INCIDENT_REST, startedPilot, type TestOrg } from "./fixtures";

const DAY = 86_400_000;

async function logIncidents(org: TestOrg, pilotId: string, n: number) {
  for (let i = 0; i < n; i++) {
    await createIncident(org.ctx.owner, pilotId, {
      title: `Incident ${i + 1}`,
      description: "",
      severity: "sev3",
      category: "stale_data",
      detectionSource: "automated_check",
      outcome: "contained",
      startedAt: new Date(Date.now() - DAY / 2),
      ...OPEN_INCIDENT_REST,
    });
  }
}

describe("the incidents list's pilot filter on a large organisation", () => {
  test("offers the pilots with the most incidents, the picked one, sorted by name, and the total", async () => {
    const org = await makeOrg();
    const start = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
    const quiet = await startedPilot(org, { name: "Alpha quiet", startDate: start });
    const busy = await startedPilot(org, { name: "Zulu busy", startDate: start });
    const busier = await startedPilot(org, { name: "Mike busier", startDate: start });
    await logIncidents(org, busy.id, 2);
    await logIncidents(org, busier.id, 3);

    const two = await listPilotFilterOptions(org.ctx.viewer, 2);
    expect(two.total).toBe(3);
    expect(two.options.map((o) => o.name)).toEqual(["Mike busier", "Zulu busy"]);

    // The pilot in the URL stays selectable even when it is not among the busiest.
    const picked = await listPilotFilterOptions(org.ctx.viewer, 2, quiet.id);
    expect(picked.options.map((o) => o.name)).toEqual(["Alpha quiet", "Mike busier", "Zulu busy"]);

    // Another organisation's pilot, or junk, is never offered.
    const other = await makeOrg();
    const theirs = await startedPilot(other, { name: "Theirs", startDate: start });
    const foreign = await listPilotFilterOptions(org.ctx.viewer, 2, theirs.id);
    expect(foreign.options.map((o) => o.name)).toEqual(["Mike busier", "Zulu busy"]);
    expect((await listPilotFilterOptions(org.ctx.viewer, 2, "not-an-id")).options).toHaveLength(2);
  });
});
