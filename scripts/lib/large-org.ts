import { createHash, randomBytes, randomUUID } from "node:crypto";
import { eq, getTableColumns, getTableName, inArray, is, SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Executor } from "@/db";
import { rebuildIncidentRollups } from "@/db/queries/incident-rollups";
import {
  createUser,
  findUserByEmail,
  markEmailVerified,
  setUserPassword,
} from "@/db/queries/users";
import {
  assessmentAnswers,
  assessments,
  auditEvents,
  incidents,
  inventoryActions,
  memberships,
  organisations,
  pilotAssumptions,
  pilots,
  pilotTransitions,
  runMetrics,
  useCases,
  users,
  workshopAnswers,
  workshopConsensus,
  workshopParticipants,
  workshops,
} from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { InventoryAction } from "@/lib/domain/actions";
import type { IncidentAction } from "@/lib/domain/incidents";
import { useCaseStatusForPilot as caseStatusOf, type PilotStatus } from "@/lib/domain/pilots";
import {
  type AnswerInput,
  applicableQuestionIds,
  CURRENT_QUESTION_BANK_VERSION,
  getQuestionBank,
} from "@/lib/domain/question-bank";
import type { Role } from "@/lib/domain/roles";
import { type AssessmentResult, scoreAssessment } from "@/lib/domain/scoring";
import { STAGES, type Stage, stageIndex } from "@/lib/domain/stages";
import type { UseCaseStatus } from "@/lib/domain/use-cases";
import {
  DEFAULT_ROLE_TAGS,
  JOIN_CODE_LENGTH,
  joinCodeFromBytes,
  workshopQuestions,
} from "@/lib/domain/workshops";
import { AppError } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/slug";
import { answersFor } from "./demo-assessments";
import {
  actionsFor,
  BASE_RATE,
  CATEGORIES,
  costFor,
  DETECT_MINUTES,
  detectionFor,
  OUTCOMES,
  pick,
  RESOLUTION_NOTES,
  severityFor,
  spread,
  stageGroup,
  TITLES,
} from "./demo-incidents";
import { PERFORMANCE } from "./demo-pilots";
import {
  between,
  DEPARTMENTS,
  INVENTORY_TEMPLATES,
  PARTICIPANT_NAMES,
  PEOPLE,
  pickOne,
  type Random,
  REGIONS,
  ROLLBACK_PLANS,
  ROLLBACK_REASONS,
  streamFor,
  WORKFLOWS,
  WORKSHOP_COMMENTS,
} from "./large-org-content";

const DAY = 86_400_000;
const MINUTE = 60_000;
/** Bumped when the generator's output changes, so an organisation from an older one is told apart. */
const GENERATOR_VERSION = 1;
export const LARGE_OWNER_EMAIL = "large@example.com";
export const DEFAULT_LARGE_PASSWORD = "preflight-large";

const todayUtc = () => new Date().toISOString().slice(0, 10);
const count = (min: number, fallback: number) =>
  z.coerce.number().int().min(min).max(10_000_000).default(fallback);

/** What the organisation is generated from; the same options give the same content. */
export const largeOrgOptionsSchema = z
  .object({
    useCases: count(1, 2000),
    pilots: count(1, 2000),
    incidents: count(0, 100_000),
    assessments: count(1, 5000),
    metricsPilots: count(0, 300),
    days: z.coerce.number().int().min(1).max(3650).default(730),
    workshops: count(1, 20),
    benchIncidents: count(0, 500),
    benchDays: z.coerce.number().int().min(1).max(3650).default(365),
    slug: z
      .string()
      .regex(SLUG_PATTERN, "use 1–40 lower-case letters, digits and hyphens")
      .default("large"),
    today: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "use a date like 2026-12-07")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a date")
      .default(todayUtc),
  })
  .superRefine((o, ctx) => {
    if (o.benchIncidents > o.incidents) {
      ctx.addIssue({
        code: "custom",
        path: ["incidents"],
        message: `must be at least the bench pilot's ${o.benchIncidents} incidents`,
      });
    }
    if (o.pilots > o.useCases * 4) {
      ctx.addIssue({ code: "custom", path: ["pilots"], message: "at most 4 pilots per use case" });
    }
    if (o.metricsPilots >= o.pilots) {
      ctx.addIssue({
        code: "custom",
        path: ["metricsPilots"],
        message: "must be fewer than the pilots (the bench pilot has its own metrics)",
      });
    }
    if (o.workshops > o.useCases) {
      ctx.addIssue({ code: "custom", path: ["workshops"], message: "at most one per use case" });
    }
  });

export type LargeOrgOptions = z.infer<typeof largeOrgOptionsSchema>;

export type LargeOrgCounts = {
  members: number;
  useCases: number;
  inventoryActions: number;
  assessments: number;
  assessmentAnswers: number;
  pilots: number;
  transitions: number;
  assumptions: number;
  runMetrics: number;
  incidents: number;
  workshops: number;
  workshopParticipants: number;
  workshopAnswers: number;
  auditEvents: number;
};

/** What the generator prints last, as one JSON line: what a benchmark needs to find its way. */
export type LargeOrgSummary = {
  orgSlug: string;
  ownerEmail: string;
  password: string;
  benchPilotId: string;
  assessmentId: string;
  useCaseId: string;
  workshopId: string;
  counts: LargeOrgCounts;
  seconds: number;
};

type StoredSeed = {
  generator: number;
  options: LargeOrgOptions;
  complete: boolean;
  summary?: Omit<LargeOrgSummary, "password" | "seconds">;
};

export type Progress = (line: string) => void;

// ─── Batched inserts ────────────────────────────────────────────────────────────────────────

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
function rowsPerInsert(columns: number, cap: number) {
  return Math.max(1, Math.min(cap, Math.floor(60_000 / columns)));
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts rows of a table with one statement: the rows travel as a single JSON parameter,
 * unpacked by `jsonb_to_recordset`. About three times faster than one parameter per value on
 * the embedded database, and free of the parameter limit. Rows whose values include SQL
 * expressions go through drizzle's multi-row VALUES instead.
 */
async function insertRows<T extends PgTable>(
  tx: Executor,
  table: T,
  rows: T["$inferInsert"][],
): Promise<void> {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) return;
  if (rows.some((row) => Object.values(row as object).some((v) => is(v, SQL)))) {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's insert types do not follow a generic table
    await (tx.insert(table) as any).values(rows);
    return;
  }
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first);
  const names = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`no column ${k} in ${getTableName(table)}`);
    return column.name;
  });
  const types = keys.map((k) => columns[k]!.getSQLType());
  const json = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (const [i, k] of keys.entries())
        out[names[i]!] = (row as Record<string, unknown>)[k] ?? null;
      return out;
    }),
  );
  const list = sql.raw(names.map(quoted).join(", "));
  const shape = sql.raw(names.map((n, i) => `${quoted(n)} ${types[i]}`).join(", "));
  await tx.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_to_recordset(${json}::jsonb) as x(${shape})`,
  );
}

/**
 * Collects rows and inserts them many at a time. A batch of rows that refer to another
 * batch's rows (answers to assessments) flushes that one first.
 */
class Batch<T extends PgTable> {
  private rows: T["$inferInsert"][] = [];
  total = 0;
  constructor(
    private readonly tx: Executor,
    private readonly table: T,
    private readonly size: number,
    private readonly parent?: Batch<PgTable>,
  ) {}
  async add(row: T["$inferInsert"]) {
    this.rows.push(row);
    if (this.rows.length >= this.size) await this.flush();
  }
  async flush() {
    if (this.rows.length === 0) return;
    await this.parent?.flush();
    const rows = this.rows;
    this.rows = [];
    await insertRows(this.tx, this.table, rows);
    this.total += rows.length;
  }
}

const batch = <T extends PgTable>(
  tx: Executor,
  table: T,
  columns: number,
  cap = 5000,
  parent?: Batch<PgTable>,
) => new Batch(tx, table, rowsPerInsert(columns, cap), parent);

// ─── The plan: everything decided in memory from the options ────────────────────────────────

type Person = { id: string; email: string; name: string; role: Role };

type UseCasePlan = {
  id: string;
  name: string;
  description: string;
  ownerIdx: number;
  businessValue: number;
  annualValue: number | null;
  systems: string[];
  template: number;
  createdAt: number;
  status: UseCaseStatus;
  archivedAt: number | null;
  actions: InventoryAction[];
  pilots: number[];
  assessments: number[];
};

type Visit = { stage: Stage; from: number; to: number };

type TransitionPlan = {
  kind: "start" | "promote" | "rollback" | "pause" | "retire";
  from: Stage | null;
  to: Stage;
  at: number;
  reason: string | null;
};

type PilotPlan = {
  id: string;
  useCaseIdx: number;
  ownerIdx: number;
  startAt: number;
  endAt: number;
  stage: Stage;
  status: PilotStatus;
  stageEnteredAt: number;
  visits: Visit[];
  transitions: TransitionPlan[];
  rollbackPlan: string;
  targetDate: string | null;
  metrics: boolean;
  bench: boolean;
  assessmentIdx: number | null;
};

type AssessmentPlan = {
  id: string;
  useCaseIdx: number;
  submittedAt: number;
  submitted: boolean;
  pattern: string;
  previousIdx: number | null;
  byIdx: number;
};

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Weighted final stages of live pilots: most early on, some in production. */
const LIVE_STAGES: [Stage, number][] = [
  ["proposed", 8],
  ["sandbox", 24],
  ["shadow", 22],
  ["supervised", 18],
  ["limited_production", 13],
  ["production", 15],
];

/** How long pilots that ended in each stage have been running, in days. */
const LIFE_DAYS: Record<Stage, [number, number]> = {
  proposed: [3, 45],
  sandbox: [10, 160],
  shadow: [30, 260],
  supervised: [60, 400],
  limited_production: [110, 560],
  production: [170, 700],
};

/** The stages a pilot went through to `final`, with a rollback on the way when asked. */
function stagePath(rng: Random, start: Stage, final: Stage, rollback: boolean): Stage[] {
  const path = STAGES.slice(stageIndex(start), stageIndex(final) + 1) as Stage[];
  if (!rollback || path.length < 2) return path;
  const k = Math.floor(rng() * (path.length - 1));
  const low = path[k]!;
  const high = path[k + 1]!;
  // Rolled back and still there, or rolled back and promoted again.
  if (k + 1 === path.length - 1 && rng() < 0.4) return [...path, low];
  return [...path.slice(0, k + 2), low, high, ...path.slice(k + 2)];
}

/** Backdated visits and transitions for a pilot that went along `path` between two times. */
function history(
  rng: Random,
  path: Stage[],
  startAt: number,
  endAt: number,
  status: PilotStatus,
  finalShare: number,
): Pick<PilotPlan, "visits" | "transitions" | "stage" | "stageEnteredAt"> {
  const weights = path.map((_, i) => (i === path.length - 1 ? finalShare : between(rng, 0.5, 1.3)));
  const total = weights.reduce((a, b) => a + b, 0);
  const span = endAt - startAt;
  const visits: Visit[] = [];
  const transitions: TransitionPlan[] = [];
  let at = startAt;
  for (const [i, stage] of path.entries()) {
    const to = i === path.length - 1 ? endAt : at + (span * weights[i]!) / total;
    visits.push({ stage, from: at, to });
    const previous = i > 0 ? path[i - 1]! : null;
    transitions.push({
      kind:
        previous === null
          ? "start"
          : stageIndex(stage) > stageIndex(previous)
            ? "promote"
            : "rollback",
      from: previous,
      to: stage,
      at,
      reason:
        previous !== null && stageIndex(stage) < stageIndex(previous)
          ? pickOne(rng, ROLLBACK_REASONS)
          : null,
    });
    at = to;
  }
  const last = visits[visits.length - 1]!;
  if (status === "paused") {
    transitions.push({
      kind: "pause",
      from: last.stage,
      to: last.stage,
      at: last.from + (endAt - last.from) * between(rng, 0.4, 0.9),
      reason: "Paused while the source system is migrated.",
    });
  }
  if (status === "retired") {
    transitions.push({
      kind: "retire",
      from: last.stage,
      to: last.stage,
      at: endAt,
      reason: "Retired: the workflow moves to a new platform and will be piloted again there.",
    });
  }
  return { visits, transitions, stage: last.stage, stageEnteredAt: last.from };
}

type Plan = {
  anchor: number;
  useCases: UseCasePlan[];
  pilots: PilotPlan[];
  assessments: AssessmentPlan[];
  bench: number;
};

/** Decides every use case, pilot and assessment, in memory, from the options alone. */
function planOrganisation(o: LargeOrgOptions, peopleCount: number): Plan {
  const anchor = Date.parse(`${o.today}T00:00:00Z`);
  const rngU = streamFor("use-cases");
  const rngP = streamFor("pilots");
  const rngA = streamFor("assessments");

  // Use cases with pilots: most of them; some of those had an earlier pilot that was retired.
  const piloted = Math.min(o.useCases, Math.max(1, Math.ceil(o.useCases * 0.85)), o.pilots);
  const useCasePlans: UseCasePlan[] = [];
  for (let i = 0; i < o.useCases; i++) {
    const dept = DEPARTMENTS[i % DEPARTMENTS.length]!;
    const workflow = WORKFLOWS[Math.floor(i / DEPARTMENTS.length) % WORKFLOWS.length]!;
    const region =
      REGIONS[Math.floor(i / (DEPARTMENTS.length * WORKFLOWS.length)) % REGIONS.length]!;
    const round = Math.floor(i / (DEPARTMENTS.length * WORKFLOWS.length * REGIONS.length));
    const template = Math.floor(rngU() * INVENTORY_TEMPLATES.length);
    const value = 1 + Math.floor(rngU() * 5);
    useCasePlans.push({
      id: randomUUID(),
      name: `${dept.name}: ${workflow} (${region})${round ? ` ${round + 1}` : ""}`,
      description: `AI assistance for ${workflow} in ${dept.name}, ${region}.`,
      ownerIdx: Math.floor(rngU() * Math.min(peopleCount, 6)),
      businessValue: value,
      annualValue: rngU() < 0.7 ? Math.round(value * between(rngU, 20, 120)) * 1000 : null,
      systems: [...dept.systems],
      template,
      createdAt: anchor - Math.round(between(rngU, 20, 740)) * DAY,
      status: "candidate",
      archivedAt: null,
      actions: INVENTORY_TEMPLATES[template]!.map((a) => ({ ...a, id: randomUUID() })),
      pilots: [],
      assessments: [],
    });
  }

  // Pilots: pilot j belongs to use case j mod `piloted`; all but the last on a use case retired.
  const pilotPlans: PilotPlan[] = [];
  const bench = piloted * Math.floor((o.pilots - 1) / piloted);
  let metricsLeft = o.metricsPilots;
  for (let j = 0; j < o.pilots; j++) {
    const u = j % piloted;
    const generation = Math.floor(j / piloted);
    const generations = Math.floor((o.pilots - 1 - u) / piloted) + 1;
    const superseded = generation < generations - 1;
    const isBench = j === bench;
    const live = !superseded;
    // Metrics pilots: the first live ones after the bench pilot, running for the whole window.
    const metrics = live && generation === 0 && !isBench && metricsLeft > 0;
    if (metrics) metricsLeft--;
    let final = isBench ? "production" : pick(LIVE_STAGES, rngP());
    if (metrics && final === "proposed") final = "sandbox";
    const status: PilotStatus = superseded
      ? "retired"
      : isBench
        ? "active"
        : rngP() < 0.03
          ? "retired"
          : rngP() < 0.06
            ? "paused"
            : "active";
    // Superseded pilots lived in the oldest part of the window, one generation after another.
    const slot = 700 / generations;
    let startAt: number;
    let endAt: number;
    if (superseded) {
      startAt = anchor - Math.round(720 - generation * slot) * DAY;
      endAt = startAt + Math.round(slot * between(rngP, 0.5, 0.8)) * DAY;
    } else {
      const [min, max] = LIFE_DAYS[final];
      const latestStart = generation > 0 ? Math.round(720 - generation * slot) - 5 : 720;
      let life = Math.min(latestStart, Math.round(between(rngP, min, max)));
      if (metrics) life = Math.max(life, o.days + 2);
      if (isBench) life = Math.max(o.benchDays + 35, 400);
      startAt = anchor - life * DAY;
      endAt = status === "retired" ? anchor - Math.round(between(rngP, 2, 30)) * DAY : anchor;
      if (endAt <= startAt) endAt = startAt + DAY;
    }
    const startStage: Stage =
      isBench || metrics
        ? "sandbox"
        : final === "proposed"
          ? "proposed"
          : pick(
              [
                ["proposed", 15],
                ["sandbox", 70],
                ["shadow", 15],
              ] as [Stage, number][],
              rngP(),
            );
    const start = stageIndex(startStage) <= stageIndex(final) ? startStage : final;
    const rollback = !isBench && stageIndex(final) >= 2 && rngP() < 0.14;
    const path = stagePath(rngP, start, final, rollback);
    const finalShare = isBench ? 2.5 : between(rngP, 0.6, 2);
    const planned = history(rngP, path, startAt, endAt, status, finalShare);
    pilotPlans.push({
      id: randomUUID(),
      useCaseIdx: u,
      ownerIdx: 1 + Math.floor(rngP() * Math.min(peopleCount - 1, 5)),
      startAt,
      endAt,
      status,
      ...planned,
      rollbackPlan:
        planned.stage === "proposed" && rngP() < 0.5 ? "" : pickOne(rngP, ROLLBACK_PLANS),
      targetDate:
        status === "active" && planned.stage !== "production"
          ? isoDate(anchor + Math.round(between(rngP, 14, 180)) * DAY)
          : null,
      metrics,
      bench: isBench,
      assessmentIdx: null,
    });
    useCasePlans[u]!.pilots.push(j);
  }

  // Assessments: one before the first pilot of every piloted use case, the rest spread.
  const perUseCase = new Array<number>(o.useCases).fill(0);
  let left = o.assessments;
  for (let u = 0; u < piloted && left > 0; u++, left--) perUseCase[u]!++;
  while (left > 0) {
    perUseCase[Math.floor(rngA() * o.useCases)]!++;
    left--;
  }
  const assessmentPlans: AssessmentPlan[] = [];
  for (const [u, uc] of useCasePlans.entries()) {
    const n = perUseCase[u]!;
    if (n === 0) continue;
    const firstPilot = uc.pilots.length ? pilotPlans[uc.pilots[0]!]! : null;
    const times: number[] = [];
    if (firstPilot) {
      times.push(firstPilot.startAt - Math.round(between(rngA, 3, 40)) * DAY);
      for (let k = 1; k < n; k++) {
        times.push(
          firstPilot.startAt +
            (anchor - firstPilot.startAt) * rngA() -
            Math.round(rngA() * 60) * DAY,
        );
      }
    } else {
      for (let k = 0; k < n; k++) times.push(anchor - Math.round(between(rngA, 2, 700)) * DAY);
    }
    times.sort((a, b) => a - b);
    uc.createdAt = Math.min(uc.createdAt, times[0]! - Math.round(between(rngA, 5, 40)) * DAY);
    const finalStage = firstPilot ? pilotPlans[uc.pilots[uc.pilots.length - 1]!]!.stage : null;
    let level = finalStage ? [1, 2, 3, 4, 5, 5][stageIndex(finalStage)]! : Math.floor(rngA() * 5);
    for (const [k, at] of times.entries()) {
      if (k > 0 && rngA() < 0.5) level = Math.min(6, level + 1);
      const lastOpen = !firstPilot && n > 1 && k === n - 1 && rngA() < 0.15;
      const dk = rngA() < 0.3 ? 1 : 0;
      uc.assessments.push(assessmentPlans.length);
      assessmentPlans.push({
        id: randomUUID(),
        useCaseIdx: u,
        submittedAt: Math.min(at, anchor - DAY),
        submitted: !lastOpen,
        pattern: `${uc.template}:${level}:${dk}`,
        previousIdx: k > 0 ? uc.assessments[k - 1]! : null,
        byIdx: uc.ownerIdx,
      });
    }
  }

  // Each pilot starts from the latest assessment submitted before it; use case status follows.
  for (const pilot of pilotPlans) {
    const uc = useCasePlans[pilot.useCaseIdx]!;
    let chosen: number | null = null;
    for (const a of uc.assessments) {
      const plan = assessmentPlans[a]!;
      if (plan.submitted && plan.submittedAt < pilot.startAt) chosen = a;
    }
    pilot.assessmentIdx = chosen;
  }
  for (const uc of useCasePlans) {
    const last = uc.pilots.length ? pilotPlans[uc.pilots[uc.pilots.length - 1]!]! : null;
    if (last) uc.status = caseStatusOf(last.stage, last.status);
    else if (uc.assessments.length) uc.status = rngU() < 0.1 ? "on_hold" : "assessing";
    else {
      uc.status = "candidate";
      if (rngU() < 0.03) uc.archivedAt = anchor - Math.round(between(rngU, 1, 60)) * DAY;
    }
  }
  return {
    anchor,
    useCases: useCasePlans,
    pilots: pilotPlans,
    assessments: assessmentPlans,
    bench,
  };
}

// ─── Answers and scores ─────────────────────────────────────────────────────────────────────

const BANK = () => {
  const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION);
  if (!bank) throw new Error("the current question bank is missing");
  return bank;
};

const LEVELS = [0.8, 1.4, 2.0, 2.5, 3.0, 3.4, 3.8];

type Pattern = { answers: AnswerInput[]; result: AssessmentResult };

/**
 * The answers and the real scoring model's result for an answer pattern: an inventory
 * template, an answer level and whether some answers are "don't know". Scored once, reused.
 */
function patternCache() {
  const bank = BANK();
  const cache = new Map<string, Pattern>();
  return (key: string): Pattern => {
    const hit = cache.get(key);
    if (hit) return hit;
    const [template, level, dk] = key.split(":").map(Number) as [number, number, number];
    const inventory = INVENTORY_TEMPLATES[template]!.map((a, i) => ({ ...a, id: `t${i}` }));
    const all = answersFor({ level: LEVELS[level]!, daysAgo: 0, evidenceEvery: 2 + (level % 3) });
    const withDk = all.map(
      (a, i): AnswerInput => (dk && i % 9 === 4 ? { questionId: a.questionId, dontKnow: true } : a),
    );
    const applicable = new Set(applicableQuestionIds(bank, withDk, inventory));
    const answers = withDk.filter((a) => applicable.has(a.questionId));
    const result = scoreAssessment({ bank, answers, inventory });
    const pattern = { answers, result };
    cache.set(key, pattern);
    return pattern;
  };
}

// ─── Incidents ─────────────────────────────────────────────────────────────────────────────

type IncidentRow = typeof incidents.$inferInsert;

/**
 * Every incident of the organisation goes through here, in batches, so whatever is kept in
 * step with incidents on write sees them all.
 */
async function insertIncidentRows(tx: Executor, rows: IncidentRow[]): Promise<void> {
  const size = 5000;
  for (let i = 0; i < rows.length; i += size) {
    await insertRows(tx, incidents, rows.slice(i, i + size));
  }
}

/**
 * After incidents are inserted: whatever the organisation keeps derived from its incidents
 * (daily rollups) is rebuilt here, once, for the whole organisation.
 */
async function afterIncidentsInserted(tx: Executor, orgId: string): Promise<void> {
  await rebuildIncidentRollups(tx, orgId);
}

/** One incident of a pilot at a time in one of its visits, as the demo's incident model sees it. */
function incidentAt(
  rng: Random,
  pilot: PilotPlan,
  visit: Visit,
  anchor: number,
  n: number,
): Omit<IncidentRow, "orgId" | "createdBy"> {
  const u = () => rng();
  const length = visit.to - visit.from;
  // A spike in the fortnight after entering a stage, then a steady rate.
  const offset = u() < 0.35 ? Math.min(length, 14 * DAY) * u() : length * u();
  const day = Math.floor((visit.from + offset) / DAY) * DAY;
  let startedAt = day + (7 + 11 * u()) * 60 * MINUTE;
  if (startedAt >= visit.to || startedAt >= anchor - 30 * MINUTE) {
    startedAt = Math.min(visit.to, anchor) - 3 * 3_600_000 * (1 + u());
  }
  startedAt = Math.max(startedAt, visit.from + MINUTE);
  const ageDays = (startedAt - pilot.startAt) / DAY;
  const stage = visit.stage === "proposed" ? "sandbox" : visit.stage;
  const outcome = pick(OUTCOMES[stage], u());
  const category = pick(CATEGORIES[stageGroup(stage)], u());
  const titles = TITLES[category];
  const severity = severityFor(outcome, u());
  const detectionSource = detectionFor(outcome, stage, ageDays, u());
  const maturity = 0.35 + 0.65 * Math.exp(-ageDays / 150);
  const urgent = severity === "sev1" || severity === "sev2";
  const room = Math.max(2, (anchor - startedAt) / MINUTE - 1);
  const detect = Math.min(DETECT_MINUTES[stage] * maturity * spread(u()), room / 2);
  const detectedAt = startedAt + detect * MINUTE;
  const acknowledgedAt = detectedAt + (urgent ? 8 : 35) * spread(u()) * MINUTE;
  const mitigatedAt = acknowledgedAt + (urgent ? 40 : 120) * spread(u()) * MINUTE;
  const resolvedAt = mitigatedAt + (urgent ? 360 : 1_200) * spread(u()) * MINUTE;
  // A small backlog of minor incidents nobody closed.
  const backlog = !urgent && u() < 0.01;
  const past = (at: number) => at <= anchor;
  const resolved = past(resolvedAt) && !backlog;
  const actions: IncidentAction[] = past(mitigatedAt) ? actionsFor(outcome, u()) : [];
  const cost = costFor(outcome, u());
  return {
    pilotId: pilot.id,
    title: titles[Math.floor(u() * titles.length)]!,
    description:
      outcome === "prevented"
        ? "Caught before any action reached a customer or a system of record."
        : "Reverted from the run log; affected records were checked one by one.",
    severity,
    category,
    detectionSource,
    outcome,
    stage: visit.stage,
    startedAt: new Date(startedAt),
    detectedAt: new Date(detectedAt),
    acknowledgedAt: past(acknowledgedAt) ? new Date(acknowledgedAt) : null,
    mitigatedAt: past(acknowledgedAt) && past(mitigatedAt) ? new Date(mitigatedAt) : null,
    resolvedAt: resolved ? new Date(resolvedAt) : null,
    resolutionNote: resolved ? RESOLUTION_NOTES[outcome] : null,
    costEstimate: cost,
    actions,
    externalId: detectionSource === "automated_check" ? `PD-${100_000 + n}` : null,
    createdAt: new Date(detectedAt),
    updatedAt: new Date(resolved ? resolvedAt : detectedAt),
  };
}

/** How many incidents a visit is expected to cause, relative to the others. */
function visitWeight(pilot: PilotPlan, visit: Visit, anchor: number): number {
  const to = Math.min(visit.to, anchor);
  const days = Math.max(0, (to - visit.from) / DAY);
  const ageMid = ((visit.from + to) / 2 - pilot.startAt) / DAY;
  const settling = 1 + 0.6 * Math.exp(-ageMid / 120);
  return (days * PERFORMANCE[visit.stage].volume * BASE_RATE[visit.stage] * settling) / 1000;
}

/** Chooses one of the weighted items by a uniform number. */
function chooser(weights: number[]): (u: number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    total += w;
    cumulative.push(total);
  }
  return (u) => {
    const target = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

// ─── The organisation ──────────────────────────────────────────────────────────────────────

/** The options as one string, whatever order the stored JSON keeps their keys in. */
function optionsKey(generator: number, o: LargeOrgOptions) {
  const entries = Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([generator, entries]);
}

/** The people of the organisation: created once, shared by every large organisation. */
async function ensurePeople(password: string): Promise<Person[]> {
  let hash: string | null = null;
  const people: Person[] = [];
  for (const p of PEOPLE) {
    const email = p.role === "owner" ? LARGE_OWNER_EMAIL : `large-${p.key}@example.com`;
    const existing = await findUserByEmail(email);
    if (existing) {
      const [row] = await db
        .select({ hash: users.passwordHash })
        .from(users)
        .where(eq(users.id, existing.id));
      if (!(await verifyPassword(row?.hash ?? null, password))) {
        hash ??= await hashPassword(password);
        await db.transaction(async (tx) => {
          await setUserPassword(existing.id, hash!, tx);
          await markEmailVerified(tx, existing.id);
        });
      }
      people.push({ id: existing.id, email, name: existing.name, role: p.role });
      continue;
    }
    hash ??= await hashPassword(password);
    // Benchmark accounts on example.com: they count as verified.
    const created = await createUser(db, {
      email,
      name: p.name,
      passwordHash: hash,
      emailVerified: true,
    });
    const user = created ?? (await findUserByEmail(email));
    if (!user) throw new AppError("conflict", `Could not create ${email}.`);
    people.push({ id: user.id, email, name: user.name, role: p.role });
  }
  return people;
}

/**
 * Creates a large organisation for benchmarks: thousands of use cases, pilots in every
 * stage with their history, incidents, run metrics, assessments scored by the real model and
 * workshops. Deterministic: the same options give the same content. When the slug exists,
 * returns its summary if it was generated with the same options, or refuses.
 */
type Seed = {
  options: LargeOrgOptions;
  plan: Plan;
  people: Person[];
  owner: Person;
  leads: Person[];
  contributors: Person[];
  orgId: string;
  counts: LargeOrgCounts;
  patterns: (key: string) => Pattern;
  bank: ReturnType<typeof BANK>;
};

const at = (ms: number) => new Date(ms);
const auditOf = (tx: Executor) => batch(tx, auditEvents, 11, 4000);

/** An audit event of something the generator made, dated when it happened. */
function audit(
  who: Person,
  ms: number,
  orgId: string,
  event: { action: string; entityType: string; entityId: string; after?: unknown },
): typeof auditEvents.$inferInsert {
  return {
    orgId,
    actorUserId: who.id,
    actorLabel: who.email,
    actorEmail: who.email,
    actorName: who.name,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    after: event.after ?? null,
    createdAt: at(ms),
  };
}

/** Writes a phase's remaining audit events and counts them. */
async function settle(s: Seed, a: Batch<typeof auditEvents>) {
  await a.flush();
  s.counts.auditEvents += a.total;
}

export async function seedLargeOrganisation(
  input: Partial<LargeOrgOptions> & { password?: string },
  progress: Progress = () => {},
): Promise<LargeOrgSummary> {
  const started = performance.now();
  const { password = DEFAULT_LARGE_PASSWORD, ...rest } = input;
  const options = largeOrgOptionsSchema.parse(rest);
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  let phaseStarted = performance.now();
  const phase = (label: string) => {
    const now = performance.now();
    progress(
      `${label.padEnd(44)} ${((now - phaseStarted) / 1000).toFixed(1).padStart(6)} s  (total ${((now - started) / 1000).toFixed(1)} s)`,
    );
    phaseStarted = now;
  };

  const [existing] = await db
    .select({ id: organisations.id, settings: organisations.settings })
    .from(organisations)
    .where(eq(organisations.slug, options.slug));
  if (existing) {
    const stored = existing.settings?.seedLarge as StoredSeed | undefined;
    if (
      stored?.complete &&
      stored.summary &&
      optionsKey(stored.generator, stored.options) === optionsKey(GENERATOR_VERSION, options)
    ) {
      await ensurePeople(password);
      progress(`The organisation "${options.slug}" was generated with these options already.`);
      return summaryLine(stored.summary, password, seconds());
    }
    const why = !stored
      ? "was not made by this generator"
      : !stored.complete
        ? "is from a run that did not finish"
        : "was generated with other options";
    throw new AppError(
      "conflict",
      `An organisation with the slug "${options.slug}" already exists and ${why}. Choose another slug with --slug (for example --slug ${options.slug}-2).`,
    );
  }

  const people = await ensurePeople(password);
  phase(`People: ${people.length}`);
  const plan = planOrganisation(options, people.length);
  const { anchor } = plan;
  const patterns = patternCache();
  const bank = BANK();
  const owner = people[0]!;
  const leads = people.filter((p) => p.role === "lead");
  const contributors = people.filter((p) => p.role === "contributor" || p.role === "lead");
  const counts: LargeOrgCounts = {
    members: people.length,
    useCases: 0,
    inventoryActions: 0,
    assessments: 0,
    assessmentAnswers: 0,
    pilots: 0,
    transitions: 0,
    assumptions: 0,
    runMetrics: 0,
    incidents: 0,
    workshops: 0,
    workshopParticipants: 0,
    workshopAnswers: 0,
    auditEvents: 0,
  };
  // The organisation, its members and gate settings.
  const createdAt = Math.min(...plan.useCases.map((u) => u.createdAt)) - 7 * DAY;
  const orgId = await db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        slug: options.slug,
        name: "Meridian Group (large benchmark)",
        currency: "EUR",
        settings: {
          gates: {
            shadow: [
              { kind: "band_allows_stage" },
              { kind: "min_readiness_score", threshold: 50 },
              { kind: "min_days_in_stage", threshold: 10 },
              { kind: "min_actions_observed", threshold: 300 },
              { kind: "min_accuracy", threshold: 0.92 },
              { kind: "no_open_sev1_sev2" },
            ],
          },
          seedLarge: { generator: GENERATOR_VERSION, options, complete: false },
        },
        createdAt: at(createdAt),
      })
      .returning({ id: organisations.id });
    if (!org) throw new Error("insert returned no row");
    const a = auditOf(tx);
    await a.add(
      audit(owner, createdAt, org.id, {
        action: "organisation.created",
        entityType: "organisation",
        entityId: org.id,
        after: { name: "Meridian Group (large benchmark)", slug: options.slug },
      }),
    );
    for (const p of people) {
      const [m] = await tx
        .insert(memberships)
        .values({ orgId: org.id, userId: p.id, role: p.role, createdAt: at(createdAt) })
        .returning({ id: memberships.id });
      await a.add(
        audit(owner, createdAt, org.id, {
          action: "member.added",
          entityType: "membership",
          entityId: m!.id,
          after: { userId: p.id, role: p.role },
        }),
      );
    }
    await a.flush();
    counts.auditEvents += a.total;
    return org.id;
  });
  phase("Organisation and memberships");
  const seed: Seed = {
    options,
    plan,
    people,
    owner,
    leads,
    contributors,
    orgId,
    counts,
    patterns,
    bank,
  };

  await insertUseCases(seed);
  phase(`Use cases: ${counts.useCases}, inventory actions: ${counts.inventoryActions}`);

  await insertAssessments(seed);
  phase(`Assessments: ${counts.assessments}, answers: ${counts.assessmentAnswers}`);

  await insertPilots(seed);
  phase(`Pilots: ${counts.pilots}, transitions: ${counts.transitions}`);

  await insertRunMetrics(seed);
  phase(`Run metrics: ${counts.runMetrics}`);

  await insertIncidents(seed);
  phase(`Incidents: ${counts.incidents}`);

  const workshopIds = await insertWorkshops(seed);
  phase(`Workshops: ${counts.workshops}, answers: ${counts.workshopAnswers}`);

  const benchPilot = plan.pilots[plan.bench]!;
  const benchUseCase = plan.useCases[benchPilot.useCaseIdx]!;
  const latest = [...benchUseCase.assessments]
    .map((i) => plan.assessments[i]!)
    .filter((x) => x.submitted)
    .at(-1);
  if (!latest) throw new Error("the bench pilot's use case has no submitted assessment");
  const summary = {
    orgSlug: options.slug,
    ownerEmail: LARGE_OWNER_EMAIL,
    benchPilotId: benchPilot.id,
    assessmentId: latest.id,
    useCaseId: benchUseCase.id,
    workshopId: workshopIds[0]!,
    counts,
  };
  await db.transaction(async (tx) => {
    counts.auditEvents += 1;
    const stored: StoredSeed = { generator: GENERATOR_VERSION, options, complete: true, summary };
    const [org] = await tx
      .select({ settings: organisations.settings })
      .from(organisations)
      .where(eq(organisations.id, orgId));
    await tx
      .update(organisations)
      .set({ settings: { ...(org?.settings ?? {}), seedLarge: stored } })
      .where(eq(organisations.id, orgId));
    await tx.insert(auditEvents).values(
      audit(owner, anchor, orgId, {
        action: "organisation.seeded",
        entityType: "organisation",
        entityId: orgId,
        after: { generator: GENERATOR_VERSION, options, counts },
      }),
    );
  });
  phase("Summary stored");
  return summaryLine(summary, password, seconds());
}

/** The use cases and their action inventories. */
async function insertUseCases(s: Seed): Promise<void> {
  const { plan, people, orgId, counts } = s;
  await db.transaction(async (tx) => {
    const rows = batch(tx, useCases, 14, 3000);
    const actions = batch(tx, inventoryActions, 12, 4000, rows);
    const a = auditOf(tx);
    for (const uc of plan.useCases) {
      const by = people[uc.ownerIdx]!;
      await rows.add({
        id: uc.id,
        orgId,
        name: uc.name,
        description: uc.description,
        ownerId: by.id,
        businessValue: uc.businessValue,
        annualValue: uc.annualValue,
        systems: uc.systems,
        status: uc.status,
        archivedAt: uc.archivedAt === null ? null : at(uc.archivedAt),
        createdAt: at(uc.createdAt),
        updatedAt: at(uc.createdAt),
      });
      await a.add(
        audit(by, uc.createdAt, orgId, {
          action: "use_case.created",
          entityType: "use_case",
          entityId: uc.id,
          after: { name: uc.name, businessValue: uc.businessValue, status: "candidate" },
        }),
      );
      for (const action of uc.actions) {
        const { id, ...rest } = action;
        await actions.add({ id, orgId, useCaseId: uc.id, ...rest, createdAt: at(uc.createdAt) });
      }
    }
    await rows.flush();
    await actions.flush();
    await settle(s, a);
    counts.useCases = rows.total;
    counts.inventoryActions = actions.total;
  });
}

/** Assessments answered on the current bank, with results from the real scoring model. */
async function insertAssessments(s: Seed): Promise<void> {
  const { plan, people, orgId, counts, patterns, bank } = s;
  await db.transaction(async (tx) => {
    // Each pattern's result (tens of kB of JSON) is sent once, into a table of the
    // transaction; the assessments copy it from there instead of receiving it thousands of times.
    await tx.execute(
      sql`create temporary table large_seed_results (pattern text primary key, result jsonb not null) on commit drop`,
    );
    const sent = new Set<string>();
    const resultOf = async (key: string, result: AssessmentResult) => {
      if (!sent.has(key)) {
        await tx.execute(
          sql`insert into large_seed_results values (${key}, ${JSON.stringify(result)}::jsonb)`,
        );
        sent.add(key);
      }
      return sql`(select result from large_seed_results where pattern = ${key})`;
    };
    const rows = batch(tx, assessments, 17, 2000);
    const answers = batch(tx, assessmentAnswers, 9, 5000, rows);
    const a = auditOf(tx);
    for (const plan_ of plan.assessments) {
      const uc = plan.useCases[plan_.useCaseIdx]!;
      const by = people[plan_.byIdx]!;
      const pattern = patterns(plan_.pattern);
      const submittedAt = plan_.submittedAt;
      const createdAt = submittedAt - 3 * DAY;
      const given = plan_.submitted
        ? pattern.answers
        : pattern.answers.slice(0, Math.ceil(pattern.answers.length / 2));
      const previousId =
        plan_.previousIdx === null ? null : plan.assessments[plan_.previousIdx]!.id;
      await rows.add({
        id: plan_.id,
        orgId,
        useCaseId: uc.id,
        bankVersion: bank.version,
        status: plan_.submitted ? "submitted" : "in_progress",
        previousId,
        createdBy: by.id,
        submittedBy: plan_.submitted ? by.id : null,
        submittedAt: plan_.submitted ? at(submittedAt) : null,
        overall: plan_.submitted ? pattern.result.overall : null,
        band: plan_.submitted ? pattern.result.band : null,
        confidence: plan_.submitted ? pattern.result.confidence : null,
        inventorySnapshot: plan_.submitted ? uc.actions : null,
        result: plan_.submitted ? await resultOf(plan_.pattern, pattern.result) : null,
        version: plan_.submitted ? 3 : 2,
        createdAt: at(createdAt),
        updatedAt: at(plan_.submitted ? submittedAt : createdAt),
      });
      for (const answer of given) {
        await answers.add({
          assessmentId: plan_.id,
          orgId,
          questionId: answer.questionId,
          optionId: "optionId" in answer ? answer.optionId : null,
          dontKnow: answer.dontKnow === true,
          evidence: answer.evidence ?? null,
          answeredBy: by.id,
          updatedAt: at(createdAt + DAY),
        });
      }
      if (plan_.submitted) {
        await a.add(
          audit(by, submittedAt, orgId, {
            action: "assessment.submitted",
            entityType: "assessment",
            entityId: plan_.id,
            after: {
              status: "submitted",
              overall: pattern.result.overall,
              band: pattern.result.band,
              confidence: pattern.result.confidence,
            },
          }),
        );
      }
    }
    await rows.flush();
    await answers.flush();
    await settle(s, a);
    counts.assessments = rows.total;
    counts.assessmentAnswers = answers.total;
  });
}

/** Pilots with their backdated timelines and assumption registers. */
async function insertPilots(s: Seed): Promise<void> {
  const { plan, people, owner, leads, orgId, counts, patterns } = s;
  await db.transaction(async (tx) => {
    const rows = batch(tx, pilots, 16, 3000);
    const moves = batch(tx, pilotTransitions, 12, 4000, rows);
    const register = batch(tx, pilotAssumptions, 12, 4000, rows);
    const a = auditOf(tx);
    const rng = streamFor("assumptions");
    for (const [j, p] of plan.pilots.entries()) {
      const uc = plan.useCases[p.useCaseIdx]!;
      const assessment = p.assessmentIdx === null ? null : plan.assessments[p.assessmentIdx]!;
      const lead = leads[j % leads.length] ?? owner;
      const lastMove = p.transitions[p.transitions.length - 1]!.at;
      await rows.add({
        id: p.id,
        orgId,
        useCaseId: uc.id,
        assessmentId: assessment?.id ?? null,
        ownerId: people[p.ownerIdx]!.id,
        stage: p.stage,
        status: p.status,
        stageEnteredAt: at(p.stageEnteredAt),
        startDate: isoDate(p.startAt),
        targetDate: p.targetDate,
        rollbackPlan: p.rollbackPlan,
        createdAt: at(p.startAt),
        updatedAt: at(lastMove),
      });
      for (const t of p.transitions) {
        await moves.add({
          orgId,
          pilotId: p.id,
          kind: t.kind,
          fromStage: t.from,
          toStage: t.to,
          actorUserId: lead.id,
          actorLabel: lead.email,
          reason: t.reason,
          createdAt: at(t.at),
        });
        const action =
          t.kind === "start"
            ? "pilot.started"
            : t.kind === "rollback"
              ? "pilot.rolled_back"
              : t.kind === "pause"
                ? "pilot.paused"
                : t.kind === "retire"
                  ? "pilot.retired"
                  : "pilot.promoted";
        await a.add(
          audit(lead, t.at, orgId, {
            action,
            entityType: "pilot",
            entityId: p.id,
            after: { from: t.from, to: t.to, reason: t.reason },
          }),
        );
      }
      const assumptions = assessment ? patterns(assessment.pattern).result.assumptions : [];
      const settled = stageIndex(p.stage) >= stageIndex("limited_production");
      for (const entry of assumptions) {
        const u = rng();
        const status = settled
          ? u < 0.8
            ? "verified"
            : u < 0.95
              ? "accepted_risk"
              : "broken"
          : stageIndex(p.stage) >= 2
            ? u < 0.35
              ? "verified"
              : u < 0.4
                ? "broken"
                : "open"
            : "open";
        await register.add({
          orgId,
          pilotId: p.id,
          questionId: entry.questionId,
          dimensionId: entry.dimensionId,
          text: entry.assumption,
          status,
          evidence:
            status === "open"
              ? entry.evidence
              : status === "broken"
                ? "The pilot's run log showed otherwise."
                : "Checked against the pilot's run log.",
          updatedBy: status === "open" ? null : lead.id,
          createdAt: at(p.startAt),
          updatedAt: at(status === "open" ? p.startAt : p.stageEnteredAt),
        });
      }
    }
    await rows.flush();
    await moves.flush();
    await register.flush();
    await settle(s, a);
    counts.pilots = rows.total;
    counts.transitions = moves.total;
    counts.assumptions = register.total;
  });
}

/** Daily run metrics: the bench pilot's year, and the whole window for the metrics pilots. */
async function insertRunMetrics(s: Seed): Promise<void> {
  const { options, plan, owner, leads, orgId, counts } = s;
  const { anchor } = plan;
  await db.transaction(async (tx) => {
    const rows = batch(tx, runMetrics, 13, 4000);
    const a = auditOf(tx);
    const rng = streamFor("run-metrics");
    for (const p of plan.pilots) {
      if (!p.metrics && !p.bench) continue;
      const days = p.bench ? options.benchDays : options.days;
      const lead = leads[0] ?? owner;
      let visit = 0;
      for (let d = days; d >= 1; d--) {
        const dayStart = anchor - d * DAY;
        const noon = dayStart + DAY / 2;
        while (visit < p.visits.length - 1 && p.visits[visit]!.to <= noon) visit++;
        const stage = p.visits[visit]!.stage;
        const perf = PERFORMANCE[stage];
        const attempted = Math.max(1, Math.round(perf.volume * (1 + 0.5 * (rng() - 0.5))));
        const accuracy = Math.min(0.999, perf.accuracy + 0.04 * (rng() - 0.5));
        await rows.add({
          orgId,
          pilotId: p.id,
          period: "day",
          periodStart: isoDate(dayStart),
          stage,
          attempted,
          correct: Math.min(attempted, Math.round(attempted * accuracy)),
          overrides: Math.min(attempted, Math.round(attempted * perf.overrides * 2 * rng())),
          escalations: Math.min(attempted, Math.round(attempted * 0.02 * rng())),
          source: "api",
          recordedBy: lead.id,
          createdAt: at(dayStart + DAY + 3_600_000),
          updatedAt: at(dayStart + DAY + 3_600_000),
        });
      }
      await a.add(
        audit(lead, anchor - DAY, orgId, {
          action: "run_metrics.recorded",
          entityType: "pilot",
          entityId: p.id,
          after: { period: "day", rows: days },
        }),
      );
    }
    await rows.flush();
    await settle(s, a);
    counts.runMetrics = rows.total;
  });
}

/** Incidents: the bench pilot's, then the rest spread by each visit's expected rate. */
async function insertIncidents(s: Seed): Promise<void> {
  const { options, plan, owner, contributors, orgId, counts } = s;
  const { anchor } = plan;
  await db.transaction(async (tx) => {
    const rng = streamFor("incidents");
    const rows: IncidentRow[] = [];
    const a = auditOf(tx);
    const benchPilot = plan.pilots[plan.bench]!;
    const others: { pilot: PilotPlan; visit: Visit }[] = [];
    for (const p of plan.pilots) {
      if (p.bench) continue;
      for (const visit of p.visits) {
        if (visit.to > visit.from && visit.from < anchor) others.push({ pilot: p, visit });
      }
    }
    const weights = others.map(({ pilot, visit }) => visitWeight(pilot, visit, anchor));
    if (!weights.some((w) => w > 0)) weights.fill(1);
    const chooseOther = chooser(weights);
    const benchVisits = benchPilot.visits.filter((v) => v.from < anchor);
    const benchWeights = benchVisits.map((v) => visitWeight(benchPilot, v, anchor));
    const chooseBench = chooser(benchWeights);
    const total = options.incidents;
    const flush = async () => {
      await insertIncidentRows(tx, rows);
      counts.incidents += rows.length;
      rows.length = 0;
    };
    for (let n = 0; n < total; n++) {
      const isBench = n < options.benchIncidents;
      const { pilot, visit } =
        isBench || others.length === 0
          ? { pilot: benchPilot, visit: benchVisits[chooseBench(rng())]! }
          : others[chooseOther(rng())]!;
      const by = contributors[n % contributors.length] ?? owner;
      const id = randomUUID();
      const incident = incidentAt(rng, pilot, visit, anchor, n);
      rows.push({ ...incident, id, orgId, createdBy: by.id });
      await a.add(
        audit(by, (incident.createdAt as Date).getTime(), orgId, {
          action: "incident.created",
          entityType: "incident",
          entityId: id,
          after: {
            pilotId: pilot.id,
            stage: incident.stage,
            title: incident.title,
            severity: incident.severity,
            category: incident.category,
            outcome: incident.outcome,
          },
        }),
      );
      if (rows.length >= 10_000) await flush();
    }
    await flush();
    await settle(s, a);
    // After incidents are inserted.
    await afterIncidentsInserted(tx, orgId);
  });
}

/** Workshops: closed ones with the room's answers and consensus, open ones under way. */
async function insertWorkshops(s: Seed): Promise<string[]> {
  const { options, plan, owner, leads, orgId, counts, bank } = s;
  const { anchor } = plan;
  return db.transaction(async (tx) => {
    const rng = streamFor("workshops");
    const participants = batch(tx, workshopParticipants, 8, 4000);
    const answers = batch(tx, workshopAnswers, 7, 5000, participants);
    const consensus = batch(tx, workshopConsensus, 7, 5000);
    const a = auditOf(tx);
    const lead = leads[0] ?? owner;
    // Use cases being assessed first (no pilot yet), then any.
    const candidates = [
      ...plan.useCases.filter((u) => u.pilots.length === 0 && !u.archivedAt),
      ...plan.useCases.filter((u) => u.pilots.length > 0),
    ];
    const dimensionIds = bank.dimensions.map((d) => d.id);
    const ids: string[] = [];
    const codes = await freeJoinCodes(tx, options.workshops);
    for (let w = 0; w < options.workshops; w++) {
      const uc = candidates[w % candidates.length]!;
      const closed = w % 2 === 0;
      const first = Math.floor(rng() * (dimensionIds.length - 2));
      const dims = dimensionIds.slice(first, first + 2 + Math.floor(rng() * 2));
      const date = closed
        ? anchor - (7 + w * 11) * DAY
        : anchor + Math.floor(rng() * 3) * DAY - DAY;
      const id = randomUUID();
      ids.push(id);
      const led = w % 3 === 1;
      await tx.insert(workshops).values({
        id,
        orgId,
        useCaseId: uc.id,
        title: `${uc.name.split(" (")[0]} readiness workshop ${w + 1}`,
        date: isoDate(date),
        bankVersion: bank.version,
        dimensions: dims,
        roleTags: [...DEFAULT_ROLE_TAGS],
        anonymous: w % 5 === 3,
        state: closed ? "closed" : "open",
        joinCode: codes[w]!,
        pace: led ? "led" : "self_paced",
        currentDimension: led && !closed ? (dims[0] ?? null) : null,
        createdBy: lead.id,
        closedAt: closed ? at(date + 11 * 3_600_000) : null,
        version: closed ? 3 : 2,
        createdAt: at(date - 5 * DAY),
        updatedAt: at(closed ? date + 11 * 3_600_000 : date - 5 * DAY),
      });
      await a.add(
        audit(lead, date - 5 * DAY, orgId, {
          action: "workshop.created",
          entityType: "workshop",
          entityId: id,
          after: { title: `workshop ${w + 1}`, dimensions: dims },
        }),
      );
      const questions = workshopQuestions(bank, dims);
      const truth = new Map(questions.map((q) => [q.id, between(rng, 0.8, 3.6)]));
      const people = closed ? 8 + Math.floor(rng() * 7) : 3 + Math.floor(rng() * 5);
      const tally = new Map<string, Map<string, number>>();
      for (let i = 0; i < people; i++) {
        const participantId = randomUUID();
        const roleTag = DEFAULT_ROLE_TAGS[i % DEFAULT_ROLE_TAGS.length]!;
        const joinedAt = date + 9 * 3_600_000 + i * 2 * MINUTE;
        await participants.add({
          id: participantId,
          workshopId: id,
          displayName: PARTICIPANT_NAMES[(i + w) % PARTICIPANT_NAMES.length]!,
          roleTag,
          sessionTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
          expiresAt: at(closed ? date + 11 * 3_600_000 : anchor + 7 * DAY),
          createdAt: at(joinedAt),
        });
        const answered = closed ? questions.length : Math.ceil(questions.length * rng() * 0.6);
        const bias = roleTag === "Executive" ? 0.8 : roleTag === "Operator" ? -0.5 : 0;
        for (const q of questions.slice(0, answered)) {
          const dontKnow = rng() < 0.06;
          const target = truth.get(q.id)! + bias + (rng() - 0.5) * 1.6;
          const option = [...q.options].sort(
            (x, y) => Math.abs(x.score - target) - Math.abs(y.score - target),
          )[0]!;
          const key = dontKnow ? "" : option.id;
          const counted = tally.get(q.id) ?? new Map<string, number>();
          counted.set(key, (counted.get(key) ?? 0) + 1);
          tally.set(q.id, counted);
          await answers.add({
            participantId,
            workshopId: id,
            questionId: q.id,
            optionId: dontKnow ? null : option.id,
            dontKnow,
            comment: rng() < 0.04 ? pickOne(rng, WORKSHOP_COMMENTS) : null,
            updatedAt: at(joinedAt + 30 * MINUTE),
          });
        }
      }
      if (closed) {
        for (const q of questions) {
          const counted = [...(tally.get(q.id) ?? new Map<string, number>()).entries()].sort(
            (x, y) => y[1] - x[1] || x[0].localeCompare(y[0]),
          );
          const [top, votes] = counted[0] ?? ["", 0];
          const split = votes < people * 0.6;
          await consensus.add({
            workshopId: id,
            questionId: q.id,
            optionId: top === "" ? null : top,
            dontKnow: top === "",
            note: split
              ? "The room was split; agreed after the operators walked through the exceptions."
              : null,
            recordedBy: lead.id,
            updatedAt: at(date + 10 * 3_600_000),
          });
        }
      }
    }
    await participants.flush();
    await answers.flush();
    await consensus.flush();
    await settle(s, a);
    counts.workshops = ids.length;
    counts.workshopParticipants = participants.total;
    counts.workshopAnswers = answers.total;
    return ids;
  });
}

/** The summary in the order the JSON line documents, whatever order it was stored in. */
function summaryLine(
  stored: Omit<LargeOrgSummary, "password" | "seconds">,
  password: string,
  seconds: number,
): LargeOrgSummary {
  const { orgSlug, ownerEmail, benchPilotId, assessmentId, useCaseId, workshopId, counts } = stored;
  return {
    orgSlug,
    ownerEmail,
    password,
    benchPilotId,
    assessmentId,
    useCaseId,
    workshopId,
    counts,
    seconds,
  };
}

/** Join codes no workshop uses yet (they are unique across organisations). */
async function freeJoinCodes(tx: Executor, n: number): Promise<string[]> {
  for (;;) {
    const codes = [
      ...new Set(Array.from({ length: n }, () => joinCodeFromBytes(randomBytes(JOIN_CODE_LENGTH)))),
    ];
    if (codes.length < n) continue;
    const taken = await tx
      .select({ code: workshops.joinCode })
      .from(workshops)
      .where(inArray(workshops.joinCode, codes));
    if (taken.length === 0) return codes;
  }
}
