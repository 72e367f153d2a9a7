import fs from "node:fs";
import path from "node:path";
import { is, type SQL, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as openapiRoute } from "@/app/api/v1/openapi.json/route";
import { db } from "@/db";
import { createApiToken } from "@/db/queries/api-tokens";
import { startAssessment } from "@/db/queries/assessments";
import { createIncident } from "@/db/queries/incident-writes";
import { addInventoryAction } from "@/db/queries/inventory";
import { listPilotAssumptions } from "@/db/queries/pilot-assumptions";
import { recordRunMetrics } from "@/db/queries/run-metrics";
import { createUseCase } from "@/db/queries/use-cases";
import { joinWorkshop, saveOwnAnswer } from "@/db/queries/workshop-participants";
import { createWorkshop, setWorkshopState } from "@/db/queries/workshops";
import * as schema from "@/db/schema";
import { READ_TICKET_ACTION } from "@/scripts/lib/sample-actions";
import { makeOrg, startedPilot, type TestOrg } from "./fixtures";
import { call, noParams, params } from "./http";

// Reliability figure: every operation of the published API, fed junk. Whatever arrives, the
// answer is never a 5xx, a refusal always has the documented error shape, and a refused
// request leaves the organisation's data exactly as it was.

const REQUESTS_PER_OPERATION = 12;
const root = process.cwd();

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  required?: string[];
  default?: unknown;
};
type Parameter = { in: string; name: string; required?: boolean; schema?: JsonSchema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};

const doc: Doc = await openapiRoute().json();

const operations = Object.entries(doc.paths)
  .filter(([p]) => p.startsWith("/api/v1/"))
  .flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      path: p,
      method: method.toUpperCase(),
      op,
      name: `${method.toUpperCase()} ${p}`,
    })),
  );

/** `/api/v1/pilots/{id}/transitions` → `app/api/v1/pilots/[id]/transitions/route.ts`. */
const routeFile = (apiPath: string) =>
  path.join(root, "app", apiPath.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

async function handlerFor(apiPath: string, method: string): Promise<Handler> {
  const file = routeFile(apiPath);
  if (!fs.existsSync(file)) throw new Error(`${method} ${apiPath}: no route module at ${file}`);
  const module = (await import(file)) as Record<string, unknown>;
  const handler = module[method];
  if (typeof handler !== "function") throw new Error(`${file} does not export ${method}`);
  return handler as Handler;
}

const resolve = (s: JsonSchema): JsonSchema =>
  s.$ref ? resolve(doc.components.schemas[s.$ref.split("/").at(-1)!] ?? {}) : s;

// ---------------------------------------------------------------------------------------------
// Values: plausible ones (so requests reach the queries, where 500s hide) mixed with junk.

let ids: { byKind: Record<string, string[]>; all: string[] } = { byKind: {}, all: [] };

const HUGE = ["x".repeat(100_000), "é".repeat(20_001), "𝕏".repeat(5_000)];
const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e999",
  "'; drop table incidents; --",
  "%00%ff",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "\u202e\ufeff",
  "0000-00-00",
  "0000-01-01",
  "2026-02-30",
  "9999-12-31",
  "275760-09-13T00:00:00Z",
  "0000-01-01T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "00000000-0000-0000-0000-000000000000",
];
const NASTY_NUMBERS = [-1, 0, 0.5, -0, 2 ** 31, 2 ** 53 + 2, 1e13 + 1, 1e308, -1e308, 4.2e-300];
const deep = JSON.parse(`${"[".repeat(3000)}${"]".repeat(3000)}`);

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...HUGE, ...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.boolean(),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(deep),
  fc.constantFrom({ __proto__: { admin: true } }, { constructor: { prototype: {} } }, [[], {}]),
);

const dateIn = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

const plausibleUuid = (kind?: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...((kind && ids.byKind[kind]) || ids.all)) },
    { weight: 2, arbitrary: fc.constantFrom(...ids.all) },
    { weight: 1, arbitrary: fc.uuid() },
  );

/**
 * Values that satisfy the schema's type (and often its limits), to get past parsing. `clean`
 * objects carry every required field and no junk, so some requests get all the way through.
 */
function plausible(input: JsonSchema, field = "", depth = 0, clean = false): fc.Arbitrary<unknown> {
  const s = resolve(input);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) {
    return fc.oneof(...alternatives.map((a) => plausible(a, field, depth, clean)));
  }
  if (s.allOf?.[0]) return plausible(s.allOf[0], field, depth, clean);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case "string": {
      if (s.format === "uuid") return plausibleUuid(field.replace(/Id$/, ""));
      if (s.format === "date-time") {
        return fc.oneof(
          dateIn("2025-01-01", "2026-06-01").map((d) => d.toISOString()),
          dateIn("0001-01-01", "9999-12-31").map((d) => d.toISOString()),
        );
      }
      if (s.format === "date") {
        return fc.oneof(
          dateIn("2025-01-01", "2026-06-01").map((d) => d.toISOString().slice(0, 10)),
          dateIn("0001-01-01", "9999-12-31").map((d) => d.toISOString().slice(0, 10)),
        );
      }
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 60, 60);
      return fc.oneof(
        fc.string({ minLength: min, maxLength: Math.max(min, max) }),
        fc.string({ unit: "binary", minLength: min, maxLength: Math.max(min, max) }),
        fc.string({ unit: "binary-ascii", minLength: min, maxLength: Math.max(min, max) }),
        fc.constantFrom("Refund\u0000twice", "Lone \ud800 surrogate", "Tab\tand\nnewline"),
        fc.constant("y".repeat(s.maxLength ?? 300)),
      );
    }
    case "integer":
    case "number": {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -5);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 5);
      return fc.oneof(
        fc.integer({ min: Math.max(min, -5), max: Math.max(Math.max(min, -5), Math.min(max, 5)) }),
        fc.constantFrom(min, max),
      );
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (depth > 3) return fc.constant([]);
      const item = clean
        ? plausible(s.items ?? {}, field, depth + 1, true)
        : fuzzed(s.items ?? {}, field, depth + 1);
      return fc.array(item, {
        minLength: Math.min(s.minItems ?? 0, 3),
        maxLength: Math.min(s.maxItems ?? 4, 4),
      });
    }
    case "object":
      return depth > 3 ? fc.constant({}) : objectOf(s, depth + 1, clean);
    default:
      return junk;
  }
}

/** Mostly plausible, sometimes junk of any type. */
const fuzzed = (s: JsonSchema, field = "", depth = 0): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: plausible(s, field, depth) }, { weight: 1, arbitrary: junk });

function objectOf(s: JsonSchema, depth = 0, clean = false): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const value = (name: string, p: JsonSchema) =>
    clean
      ? required.has(name)
        ? plausible(p, name, depth, true)
        : fc.option(plausible(p, name, depth, true), { nil: undefined })
      : fc.option(fuzzed(p, name, depth), { freq: 5, nil: undefined });
  return fc
    .tuple(
      fc.tuple(...properties.map(([name, p]) => value(name, p))),
      clean
        ? fc.constant(null)
        : fc.option(fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 3 }), {
            freq: 3,
          }),
    )
    .map(([values, extra]) => {
      const out: Record<string, unknown> = { ...(extra ?? {}) };
      properties.forEach(([name], i) => {
        if (values[i] !== undefined) out[name] = values[i];
      });
      return out;
    });
}

const rawBody: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("", "{", "null", "[]", '{"a":', "\u0000", "[".repeat(100_000)),
  fc.string({ maxLength: 80 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
);

function bodyFor(op: Operation): fc.Arbitrary<string | undefined> {
  const s = op.requestBody?.content?.["application/json"]?.schema;
  if (!s) return rawBody;
  return fc.oneof(
    { weight: 3, arbitrary: objectOf(resolve(s), 0, true).map((v) => JSON.stringify(v)) },
    { weight: 4, arbitrary: objectOf(resolve(s)).map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: rawBody },
  );
}

const pathValue = (kind: string) =>
  fc.oneof(
    { weight: 4, arbitrary: plausibleUuid(kind) },
    {
      weight: 2,
      arbitrary: fc.constantFrom("not-a-uuid", "", " ", "..", "%", "null", HUGE[0]!, "' or 1=1"),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );

const KIND_OF_SEGMENT: Record<string, string> = {
  "use-cases": "useCase",
  actions: "action",
  assessments: "assessment",
  pilots: "pilot",
  incidents: "incident",
  assumptions: "assumption",
  workshops: "workshop",
};

/** Query values: plausible values of the documented parameters, junk, and unknown names. */
function queryFor(params: Parameter[]): fc.Arbitrary<string> {
  const text = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));
  return fc
    .tuple(
      fc.tuple(
        ...params.map((p) =>
          fc.option(fuzzed(p.schema ?? {}, p.name).map(text), { freq: 2, nil: undefined }),
        ),
      ),
      fc.option(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), {
        freq: 4,
      }),
    )
    .map(([values, extra]) => {
      const search = new URLSearchParams(extra ?? {});
      params.forEach((p, i) => {
        if (values[i] !== undefined) search.set(p.name, values[i]);
      });
      const qs = search.toString();
      return qs ? `?${qs}` : "";
    });
}

const printableAscii = fc
  .array(fc.integer({ min: 0x20, max: 0x7e }), { maxLength: 30 })
  .map((codes) => String.fromCharCode(...codes));
const idempotencyKey = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom("key-1", "key-2", "key-1"),
  printableAscii,
  fc.constant("k".repeat(300)),
);

function requestFor(apiPath: string, method: string, op: Operation) {
  const all = op.parameters ?? [];
  const pathParams = all.filter((p) => p.in === "path").map((p) => p.name);
  const segments = apiPath.split("/");
  const kindOf = (name: string) => {
    const i = segments.indexOf(`{${name}}`);
    return KIND_OF_SEGMENT[segments[i - 1] ?? ""] ?? "";
  };
  const takesBody = method !== "GET" && method !== "DELETE";
  return fc
    .record({
      params: fc.tuple(...pathParams.map((name) => pathValue(kindOf(name)))),
      query: queryFor(all.filter((p) => p.in === "query")),
      body: takesBody ? bodyFor(op) : fc.constant(undefined),
      key: all.some((p) => p.in === "header" && p.name === "idempotency-key")
        ? idempotencyKey
        : fc.constant(undefined),
      contentType: fc.constantFrom("application/json", "application/json", "text/plain", undefined),
    })
    .map((r) => {
      const values = Object.fromEntries(pathParams.map((name, i) => [name, r.params[i] as string]));
      const url = apiPath.replace(/\{(\w+)\}/g, (_, name: string) =>
        encodeURIComponent(values[name] ?? ""),
      );
      return { ...r, params: values, url: `${url}${r.query}` };
    });
}

// ---------------------------------------------------------------------------------------------
// The organisation's data, fingerprinted table by table (counts and content).

const orgTables = Object.values(schema as Record<string, unknown>)
  .filter((t): t is PgTable => is(t, PgTable))
  .map((t) => getTableConfig(t))
  .filter((c) => c.columns.some((col) => col.name === "org_id") || c.name === "organisations");

async function fingerprint(orgId: string): Promise<Record<string, string>> {
  const parts: SQL[] = orgTables.map((c) => {
    // A token's last use is stamped on every request, refused or not; everything else counts.
    const row =
      c.name === "api_tokens"
        ? sql`(to_jsonb(x) - 'last_used_at' - 'updated_at')::text`
        : sql`to_jsonb(x)::text`;
    return sql`select ${c.name} as t, count(*)::int as n, md5(coalesce(string_agg(${row}, '|' order by ${row}), '')) as h from ${sql.identifier(c.name)} x where ${sql.raw(c.name === "organisations" ? "x.id" : "x.org_id")} = ${orgId}`;
  });
  const result = await db.execute(sql.join(parts, sql` union all `));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    t: string;
    n: number;
    h: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n} rows, ${r.h}`]));
}

// ---------------------------------------------------------------------------------------------

let org: TestOrg;
let token: string;
const tally = { requests: 0, operations: new Set<string>(), byStatus: new Map<number, number>() };

beforeAll(async () => {
  org = await makeOrg();
  token = (await createApiToken(org.ctx.owner, { name: "fuzz", role: "admin" })).token;
  const draft = await createUseCase(org.ctx.owner, {
    name: "Drafting replies",
    description: "",
    ownerId: null,
    businessValue: 2,
    annualValue: null,
    systems: ["Zendesk"],
    status: "candidate",
  });
  const lookup = await addInventoryAction(org.ctx.owner, draft.id, READ_TICKET_ACTION);
  const draftAssessment = await startAssessment(org.ctx.owner, draft.id);
  const pilot = await startedPilot(org, {
    name: "Refunds",
    writes: true,
    by: "owner",
    startDate: "2026-01-01",
  });
  await recordRunMetrics(
    org.ctx.owner,
    pilot.id,
    [
      {
        period: "day",
        periodStart: "2026-01-02",
        attempted: 10,
        correct: 9,
        overrides: 1,
        escalations: 0,
      },
    ],
    "api",
  );
  const assumptions = await listPilotAssumptions(org.ctx.owner, pilot.id);
  const incident = await createIncident(org.ctx.owner, pilot.id, {
    title: "Refund issued twice",
    description: "",
    severity: "sev2",
    category: "partial_failure",
    detectionSource: "customer",
    outcome: "financial_impact",
    startedAt: new Date("2026-01-03T09:00:00Z"),
    detectedAt: null,
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    costEstimate: 100,
    assumptionId: null,
    actions: [],
  });
  const drafted = await createWorkshop(org.ctx.owner, {
    useCaseId: draft.id,
    title: "Drafting kick-off",
    date: "2026-01-05",
    dimensions: ["reversibility"],
    roleTags: ["Operator"],
    anonymous: true,
    pace: "self_paced",
  });
  const workshop = await setWorkshopState(org.ctx.owner, drafted.id, "open", drafted.version);
  const guest = await joinWorkshop({
    code: workshop.joinCode,
    displayName: "Guest",
    roleTag: "Operator",
    user: null,
    address: null,
  });
  await saveOwnAnswer(guest.participant, {
    questionId: "rev_stop",
    optionId: null,
    dontKnow: true,
    comment: "Ask ops",
  });
  const byKind: Record<string, string[]> = {
    workshop: [workshop.id],
    useCase: [draft.id, pilot.useCaseId],
    action: [lookup.id],
    assessment: [draftAssessment.id, pilot.assessmentId],
    pilot: [pilot.id],
    incident: [incident.id],
    assumption: assumptions.map((a) => a.id).slice(0, 3),
    owner: Object.values(org.users).map((u) => u.id),
  };
  ids = { byKind, all: Object.values(byKind).flat() };
});

afterAll(() => {
  const statuses = [...tally.byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  const fatal = [...tally.byStatus.entries()]
    .filter(([s]) => s >= 500)
    .reduce((n, [, c]) => n + c, 0);
  console.log(
    `reliability: fuzz ${tally.requests} requests over ${tally.operations.size} operations → ${fatal} responses ≥ 500 (${statuses})`,
  );
});

describe("every documented /api/v1 operation, fed junk", () => {
  test("every route module is in the OpenAPI document, method for method", async () => {
    const documented = new Set(operations.map((o) => `${o.method} ${routeFile(o.path)}`));
    const files = fs
      .readdirSync(path.join(root, "app/api/v1"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("route.ts") && !f.startsWith("openapi.json"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const file = path.join(root, "app/api/v1", f);
      const module = (await import(file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
        if (typeof module[method] === "function") {
          expect(documented, `${method} ${f} is not in the OpenAPI document`).toContain(
            `${method} ${file}`,
          );
        }
      }
    }
  });

  test("text PostgreSQL cannot store (NUL, a lone surrogate) is a 422 naming the field, not a 500", async () => {
    const send = async (apiPath: string, method: string, url: string, body?: unknown) => {
      const handler = await handlerFor(apiPath, method);
      const res = await handler(call(url, token, method, body), noParams);
      return { status: res.status, fields: (await res.json()).error?.fields };
    };
    expect(
      await send("/api/v1/use-cases", "POST", "/api/v1/use-cases", {
        name: "Refund\u0000twice",
        businessValue: 1,
        systems: ["Stripe", "Zen\u0000desk", "Lone \ud800"],
      }),
    ).toEqual({
      status: 422,
      fields: {
        name: [expect.any(String)],
        "systems.1": [expect.any(String)],
        "systems.2": [expect.any(String)],
      },
    });
    expect(await send("/api/v1/incidents", "GET", "/api/v1/incidents?q=a%00b")).toEqual({
      status: 422,
      fields: { q: [expect.any(String)] },
    });
  });

  test("the largest run metrics the API accepts do not break the reads that add them up", async () => {
    const own = await makeOrg();
    const ownToken = (await createApiToken(own.ctx.owner, { name: "bulk", role: "admin" })).token;
    const pilot = await startedPilot(own, { name: "High volume", by: "owner" });
    const max = 100_000_000;
    const metrics = Array.from({ length: 30 }, (_, i) => ({
      periodStart: new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10),
      attempted: max,
      correct: max,
      overrides: 0,
    }));
    const send = async (apiPath: string, method: string, url: string, body?: unknown) => {
      const res = await (await handlerFor(apiPath, method))(
        call(url, ownToken, method, body),
        params({ id: pilot.id }),
      );
      return { status: res.status, body: await res.json() };
    };
    const recorded = await send(
      "/api/v1/pilots/{id}/run-metrics",
      "POST",
      `/api/v1/pilots/${pilot.id}/run-metrics`,
      { metrics },
    );
    expect(recorded.status).toBe(201);
    const read = await send("/api/v1/pilots/{id}", "GET", `/api/v1/pilots/${pilot.id}`);
    expect(read.status).toBe(200);
    expect((await send("/api/v1/pilots", "GET", "/api/v1/pilots")).status).toBe(200);
    const { runMetricTotalsByStage } = await import("@/db/queries/run-metrics");
    expect(await runMetricTotalsByStage(own.ctx.viewer, pilot.id)).toEqual([
      expect.objectContaining({ stage: "sandbox", attempted: 30 * max, correct: 30 * max }),
    ]);
  });

  test.each(operations)("$name", async ({ path: apiPath, method, op, name }) => {
    const handler = await handlerFor(apiPath, method);
    await fc.assert(
      fc.asyncProperty(requestFor(apiPath, method, op), async (r) => {
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.key !== undefined) headers["idempotency-key"] = r.key;
        const before = await fingerprint(org.orgId);
        const res = await handler(
          new Request(`http://localhost${r.url}`, { method, headers, body: r.body }),
          { params: Promise.resolve(r.params) },
        );
        const text = await res.text();
        tally.requests++;
        tally.operations.add(name);
        tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
        const what = `${method} ${r.url.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, what).toBeLessThan(500);
        if (res.status === 204) return;
        // A CSV download (the workshop answers with ?format=csv) is the one answer not in JSON.
        if (res.status < 400 && res.headers.get("content-type")?.startsWith("text/csv")) return;
        const json = JSON.parse(text);
        if (res.status < 400) return;
        expect(json, what).toEqual({
          error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
        });
        expect(await fingerprint(org.orgId), `${what}: a refused request changed data`).toEqual(
          before,
        );
      }),
      { numRuns: REQUESTS_PER_OPERATION },
    );
  });
});
