import { type SQL, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db, onQuery } from "@/db";
import { getGettingStarted } from "@/db/queries/dashboard";
import { createIncident } from "@/db/queries/incident-writes";
import { getPortfolioLoop } from "@/db/queries/loop";
import { listMembers } from "@/db/queries/members";
import { listPilotCards } from "@/db/queries/pilots";
import { getPortfolio } from "@/db/queries/portfolio";
import { getSessionMember } from "@/db/queries/users";
import { portfolioFilterSchema } from "@/lib/domain/portfolio";
import {
  makeOrg,
  OPEN_INCIDENT_REST,
  plainUseCase,
  startPilotOf,
  submitAssessmentFor,
  type TestOrg,
} from "./fixtures";

/**
 * Tables that grow with an organisation (or with every organisation): a hot query must reach
 * them through an index. Small per-organisation tables (settings, gate criteria) may be scanned.
 */
const BIG_TABLES = new Set([
  "users",
  "organisations",
  "memberships",
  "use_cases",
  "assessments",
  "pilots",
  "pilot_transitions",
  "pilot_signoffs",
  "pilot_assumptions",
  "gate_override_requests",
  "run_metrics",
  "incidents",
  "audit_events",
]);

type Sent = { query: string; params: unknown[] };
type PlanNode = { "Node Type"?: string; "Relation Name"?: string; Plans?: PlanNode[] };

/** Every query `run` sends, as the driver receives it. */
async function queriesOf(run: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const stop = onQuery((query, params) => sent.push({ query, params }));
  try {
    await run();
  } finally {
    stop();
  }
  return sent.filter((s) => /^\s*(select|with)\b/i.test(s.query));
}

/** The query again as drizzle SQL, each `$n` placeholder bound to its parameter. */
function rebuilt({ query, params }: Sent): SQL {
  const parts = query.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)),
  );
}

/** Rows of a raw query, whichever driver ran it (postgres-js gives an array, PGlite `{ rows }`). */
const rowsOf = (result: unknown) =>
  (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
    string,
    unknown
  >[];

/**
 * The plan of a query with sequential scans made a last resort: a table still scanned then has
 * no index the query can use, whatever its size (the test data is small, so the planner's free
 * choice would say nothing).
 */
async function planOf(sent: Sent): Promise<PlanNode> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return rowsOf(await tx.execute(sql`explain (format json) ${rebuilt(sent)}`));
  });
  const raw = rows[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const root = plan[0]?.Plan;
  if (!root) throw new Error(`no plan for ${sent.query}`);
  return root;
}

function seqScansIn(node: PlanNode): string[] {
  const own =
    node["Node Type"] === "Seq Scan" && BIG_TABLES.has(node["Relation Name"] ?? "")
      ? [node["Relation Name"] as string]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScansIn)];
}

/** The big tables each query of `run` scans in full, by query: empty when all use indexes. */
async function fullScans(run: () => Promise<unknown>) {
  const sent = await queriesOf(run);
  expect(sent.length).toBeGreaterThan(0);
  const found: { query: string; tables: string[] }[] = [];
  for (const s of sent) {
    const tables = seqScansIn(await planOf(s));
    if (tables.length) found.push({ query: s.query, tables });
  }
  return found;
}

async function orgWithAPilot(): Promise<{ org: TestOrg; pilotId: string }> {
  const org = await makeOrg();
  const uc = await plainUseCase(org);
  await submitAssessmentFor(org, uc.id);
  const pilot = await startPilotOf(org.ctx.owner, uc.id, { ownerId: org.users.lead.id });
  await createIncident(org.ctx.owner, pilot.id, {
    title: "Wrong refund",
    description: "",
    severity: "sev2",
    category: "stale_data",
    detectionSource: "automated_check",
    outcome: "contained",
    startedAt: new Date(),
    ...OPEN_INCIDENT_REST,
  });
  return { org, pilotId: pilot.id };
}

describe("hot queries reach the big tables through indexes", () => {
  test("the session-and-membership lookup of every page request", async () => {
    const { org } = await orgWithAPilot();
    expect(await fullScans(() => getSessionMember(org.users.lead.id, 0, org.slug))).toEqual([]);
    expect(await fullScans(() => getSessionMember(org.users.lead.id, 0, null))).toEqual([]);
  });

  test("the dashboard, unfiltered and filtered by owner and stage", async () => {
    const { org } = await orgWithAPilot();
    const ctx = org.ctx.owner;
    for (const query of [
      {},
      { owner: org.users.lead.id, stage: "sandbox", period: "30d" },
      { stage: "not_started", period: "all" },
    ]) {
      const filters = portfolioFilterSchema.parse(query);
      expect(await fullScans(() => getPortfolio(ctx, filters))).toEqual([]);
    }
    expect(await fullScans(() => getGettingStarted(ctx))).toEqual([]);
    expect(await fullScans(() => listMembers(ctx))).toEqual([]);
    expect(await fullScans(() => getPortfolioLoop(ctx, {}))).toEqual([]);
  });

  test("the pilot board, unfiltered and filtered", async () => {
    const { org } = await orgWithAPilot();
    const ctx = org.ctx.owner;
    expect(await fullScans(() => listPilotCards(ctx))).toEqual([]);
    expect(
      await fullScans(() =>
        listPilotCards(ctx, { stage: "sandbox", status: "active", ownerId: org.users.lead.id }),
      ),
    ).toEqual([]);
  });
});
