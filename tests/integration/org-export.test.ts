import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { GET as exportRoute } from "@/app/o/[org]/settings/export.json/route";
import { db } from "@/db";
import { createPasswordReset } from "@/db/queries/accounts";
import { createApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import {
  getGateSettings,
  updateGateSettings,
  updateOverridePolicy,
} from "@/db/queries/gate-settings";
import { createInvitation } from "@/db/queries/invitations";
import { exportOrganisation, importOrganisation } from "@/db/queries/org-transfer";
import { getOrganisation, memberContext, updateOrganisation } from "@/db/queries/organisations";
import { transitionPilot } from "@/db/queries/pilot-transitions";
import { listPilotCards } from "@/db/queries/pilots";
import { systemContext } from "@/db/queries/system";
import { createUseCase } from "@/db/queries/use-cases";
import { findUserByEmail, setUserDisabled } from "@/db/queries/users";
import { joinWorkshop, saveOwnAnswer } from "@/db/queries/workshop-participants";
import {
  convertWorkshopToAssessment,
  createWorkshop,
  getWorkshop,
  recordConsensus,
  setWorkshopState,
} from "@/db/queries/workshops";
import {
  apiTokens,
  invitations,
  organisations,
  users,
  userTokens,
  workshopParticipants,
} from "@/db/schema";
import { authenticateCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { sha256 } from "@/lib/crypto";
import { describeAuditEvent } from "@/lib/domain/audit-sentences";
import type { OrgDocument } from "@/lib/domain/org-export";
import type { MemberContext } from "@/lib/domain/permissions";
import { getQuestionBank } from "@/lib/domain/question-bank";
import { ROLES } from "@/lib/domain/roles";
import { workshopQuestions } from "@/lib/domain/workshops";
import { seedDemoPilots } from "@/scripts/lib/demo-pilots";
import { plainUseCaseInput } from "@/scripts/lib/sample-use-case";
import { DEMO_EMAIL, DEMO_ORG_SLUG, seedDemo, seedDemoUseCases } from "@/scripts/lib/seed-demo";
import { failure, makeOrg, makeUser, outcome, uniq } from "./fixtures";
import { authEndpoint, params } from "./http";
import { runScript } from "./scripts";

// Seeding the demo and running the command-line scripts (each a Node process opening a
// database) takes minutes on 2 cores.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const PASSWORD = "org-export-test-password";
const UUID = /^(token:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let owner: MemberContext;
let tmp: string;
let original: { currency: MemberContext["currency"] };
/** The participant session tokens of the workshop set up below, and their stored hashes. */
let participantSecrets: string[] = [];
const WORKSHOP_TITLE = "Refund desk readiness workshop";

/**
 * A workshop that must travel: a member and two guests joined and answered (one with a
 * comment, one "don't know"), the facilitator recorded the consensus with a note, closed it and
 * turned it into an assessment.
 */
async function runWorkshop(ctx: MemberContext) {
  const useCase = await createUseCase(ctx, plainUseCaseInput("Refund desk"));
  const draft = await createWorkshop(ctx, {
    useCaseId: useCase.id,
    title: WORKSHOP_TITLE,
    date: "2026-12-01",
    dimensions: ["process", "data"],
    roleTags: ["Executive", "Operator"],
    anonymous: false,
    pace: "self_paced",
  });
  const workshop = await setWorkshopState(ctx, draft.id, "open", draft.version);
  const [q1, q2] = workshopQuestions(getQuestionBank(workshop.bankVersion)!, workshop.dimensions);
  if (!q1 || !q2) throw new Error("the workshop has no questions");
  const lead = (await findUserByEmail("lead@example.com"))!;
  const join = (displayName: string, roleTag: string, user: typeof lead | null, n: number) =>
    joinWorkshop({
      code: workshop.joinCode,
      displayName,
      roleTag,
      user: user && { id: user.id, label: user.email },
      address: `198.51.100.${n}`,
    });
  const joined = [
    await join("Lee", "Executive", lead, 31),
    await join("Olu", "Operator", null, 32),
    await join("Sam", "Operator", null, 33),
  ];
  for (const [i, { participant }] of joined.entries()) {
    await saveOwnAnswer(participant, {
      questionId: q1.id,
      optionId: q1.options[i % q1.options.length]!.id,
      dontKnow: false,
      comment: i === 1 ? "We fix the exceptions by hand every Monday." : null,
    });
    await saveOwnAnswer(participant, {
      questionId: q2.id,
      optionId: i === 2 ? null : q2.options[0]!.id,
      dontKnow: i === 2,
      comment: null,
    });
  }
  await recordConsensus(ctx, workshop.id, {
    questionId: q1.id,
    optionId: q1.options[0]!.id,
    dontKnow: false,
    note: "The operators know about the Monday fixes; the executive did not.",
  });
  await recordConsensus(ctx, workshop.id, {
    questionId: q2.id,
    optionId: null,
    dontKnow: true,
    note: null,
  });
  const open = await getWorkshop(ctx, workshop.id);
  await setWorkshopState(ctx, workshop.id, "closed", open.version);
  await convertWorkshopToAssessment(ctx, workshop.id);
  participantSecrets = joined.flatMap((j) => [j.token, sha256(j.token)]);
}

/** A command-line script against its own embedded directory or PostgreSQL database. */
const run = (script: string, args: string[], on: { dataDir?: string; databaseUrl?: string }) =>
  runScript(
    script,
    args,
    on.databaseUrl ? { DATABASE_URL: on.databaseUrl } : { PREFLIGHT_DATA_DIR: on.dataDir ?? "" },
  );

/**
 * Checks that two documents are the same apart from ids and when they were exported: walked
 * side by side, every id of the first stands for exactly one id of the second (so every
 * reference still points at the same row), and everything else is equal. The import's own
 * audit entries and the slug chosen for the copy are left out.
 */
function expectSameApartFromIds(a: OrgDocument, b: OrgDocument) {
  const strip = (doc: OrgDocument) => ({
    ...doc,
    exportedAt: null,
    organisation: { ...doc.organisation, slug: null },
    auditEvents: doc.auditEvents.filter((e) => e.action !== "organisation.imported"),
  });
  const forward = new Map<string, string>();
  const backward = new Map<string, string>();
  const walk = (x: unknown, y: unknown, at: string): void => {
    if (typeof x === "string" && typeof y === "string" && UUID.test(x) && UUID.test(y)) {
      if ((forward.get(x) ?? y) !== y || (backward.get(y) ?? x) !== x) {
        throw new Error(`${at}: ${x} stands for two different rows after the import`);
      }
      forward.set(x, y);
      backward.set(y, x);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      expect(y.length, `${at} length`).toBe(x.length);
      x.forEach((item, i) => {
        walk(item, y[i], `${at}.${i}`);
      });
      return;
    }
    if (x && y && typeof x === "object" && typeof y === "object") {
      expect(Object.keys(y).sort(), `${at} keys`).toEqual(Object.keys(x).sort());
      for (const key of Object.keys(x)) {
        walk(
          (x as Record<string, unknown>)[key],
          (y as Record<string, unknown>)[key],
          `${at}.${key}`,
        );
      }
      return;
    }
    expect(y, at).toEqual(x);
  };
  walk(strip(a), strip(b), "document");
  // The rows really got new ids.
  expect(a.useCases.map((u) => u.id)).not.toEqual(b.useCases.map((u) => u.id));
  return forward;
}

let migrated: Promise<string> | undefined;
/** A fresh embedded database of its own, as a new installation has, migrated once for the file. */
const freshInstallation = () => {
  migrated ??= (async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, "pglite-"));
    expect((await run("migrate", [], { dataDir })).code).toBe(0);
    return dataDir;
  })();
  return migrated;
};

const counts = async () => ({
  organisations: (await db.select({ n: count() }).from(organisations))[0]?.n,
  users: (await db.select({ n: count() }).from(users))[0]?.n,
});

beforeAll(async () => {
  await seedDemo(PASSWORD);
  await seedDemoUseCases();
  await seedDemoPilots(DEMO_ORG_SLUG);
  const found = await memberContext((await findUserByEmail(DEMO_EMAIL))!, DEMO_ORG_SLUG);
  if (!found) throw new Error("no demo owner");
  owner = found;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-org-export-"));

  // Settings that must travel: a currency, tuned gates and a second approver for overrides,
  // and a pending override asked for by a command-line token (the request names the token).
  const org = await getOrganisation(owner);
  original = { currency: org.currency };
  await updateOrganisation(owner, { name: org.name, currency: "EUR", version: org.version });
  await updateGateSettings(owner, {
    gates: { shadow: [{ kind: "min_accuracy", threshold: 0.97 }] },
    version: (await getOrganisation(owner)).version,
  });
  await updateOverridePolicy(owner, {
    overridesNeedSecondApprover: true,
    version: (await getOrganisation(owner)).version,
  });
  const { apiToken } = await createApiToken(await systemContext(DEMO_ORG_SLUG, "test"), {
    name: "Pager bridge",
    role: "owner",
  });
  const refunds = (await listPilotCards(owner)).find((p) => p.stage === "limited_production");
  if (!refunds) throw new Error("the demo has no pilot in limited production");
  const { request } = await transitionPilot(
    {
      ...owner,
      actor: { type: "token", tokenId: apiToken.id, label: "Pager bridge", createdByUserId: null },
    },
    refunds.id,
    {
      to: "production",
      override: true,
      justification: "The finance team reviews every refund by hand until January.",
      version: refunds.version,
    },
  );
  expect(request?.status).toBe("pending");
  await createInvitation(owner, { role: "lead", email: "new.lead@example.com" });
  await runWorkshop(owner);
});

afterAll(async () => {
  const org = await getOrganisation(owner);
  await updateOrganisation(owner, {
    name: org.name,
    currency: original.currency,
    version: org.version,
  });
  await updateGateSettings(owner, {
    gates: { shadow: null },
    version: (await getOrganisation(owner)).version,
  });
  await updateOverridePolicy(owner, {
    overridesNeedSecondApprover: false,
    version: (await getOrganisation(owner)).version,
  });
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("exporting and importing a whole organisation", () => {
  test("export, import as a new organisation and export again: the same apart from ids, settings included, both audited", async () => {
    const first = await exportOrganisation(owner);
    expect(first.format).toBe("preflight-organisation");
    expect(first.version).toBe(2);
    // The workshop with its participants, answers and consensus, but no session secret.
    const workshop = first.workshops.find((w) => w.title === WORKSHOP_TITLE)!;
    expect(workshop.state).toBe("closed");
    expect(workshop.assessmentId).toEqual(expect.any(String));
    expect(workshop).not.toHaveProperty("joinCode");
    expect(workshop.consensus.map((c) => c.note)).toContain(
      "The operators know about the Monday fixes; the executive did not.",
    );
    const joined = first.workshopParticipants.filter((p) => p.workshopId === workshop.id);
    expect(joined.map((p) => p.displayName).sort()).toEqual(["Lee", "Olu", "Sam"]);
    expect(joined.filter((p) => p.userId !== null)).toHaveLength(1);
    expect(joined.flatMap((p) => p.answers)).toHaveLength(6);
    expect(joined.flatMap((p) => p.answers).filter((a) => a.dontKnow)).toHaveLength(1);
    const text = JSON.stringify(first);
    expect(participantSecrets).toHaveLength(6);
    for (const secret of participantSecrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/sessionToken/);
    for (const p of joined) expect(p).not.toHaveProperty("expiresAt");
    expect(first.organisation.currency).toBe("EUR");
    expect(first.organisation.overridesNeedSecondApprover).toBe(true);
    expect(first.gateOverrideRequests.some((r) => r.requesterKey.startsWith("token:"))).toBe(true);
    expect(first.useCases.length).toBeGreaterThanOrEqual(6);
    expect(first.incidents.length).toBeGreaterThan(50);
    expect(first.pilotTransitions.length).toBeGreaterThan(6);

    const slug = `demo-copy-${uniq()}`;
    const imported = await importOrganisation(first, {
      slug,
      placeholderPasswordHash: "unused",
      actor: { type: "system", label: "test import" },
    });
    // The same installation knows every member: nobody needed a placeholder.
    expect(imported.placeholders).toEqual([]);
    const copyOwner = await memberContext((await findUserByEmail(DEMO_EMAIL))!, slug);
    expect(copyOwner?.role).toBe("owner");
    expect(copyOwner?.currency).toBe("EUR");
    const second = await exportOrganisation(copyOwner!);
    const ids = expectSameApartFromIds(first, second);
    expect(ids.get(first.organisation.id)).toBe(imported.org.id);
    // The copied workshop has a join code of its own, and its participants no usable session.
    const copied = second.workshops.find((w) => w.title === WORKSHOP_TITLE)!;
    const originalWorkshop = first.workshops.find((w) => w.title === WORKSHOP_TITLE)!;
    expect((await getWorkshop(copyOwner!, copied.id)).joinCode).not.toBe(
      (await getWorkshop(owner, originalWorkshop.id)).joinCode,
    );
    const sessions = await db
      .select({
        hash: workshopParticipants.sessionTokenHash,
        expiresAt: workshopParticipants.expiresAt,
      })
      .from(workshopParticipants)
      .where(eq(workshopParticipants.workshopId, copied.id));
    expect(sessions).toHaveLength(3);
    for (const s of sessions) {
      expect(participantSecrets).not.toContain(s.hash);
      expect(s.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect((await getGateSettings(copyOwner!)).criteria).toEqual(
      (await getGateSettings(owner)).criteria,
    );

    const sourceLog = await listAuditEvents(owner, { action: "organisation.exported", limit: 5 });
    expect(describeAuditEvent(sourceLog.events[0]!)).toMatch(
      /^Dana Demo exported the whole organisation as a file \(\d+ use cases, \d+ pilots and \d+ incidents\)\.$/,
    );
    const copyLog = await listAuditEvents(copyOwner!, { action: "organisation.imported" });
    expect(copyLog.events).toHaveLength(1);
    expect(describeAuditEvent(copyLog.events[0]!)).toMatch(
      /^Test import imported the organisation from a file exported from demo on .+, with 4 members\.$/,
    );
  });

  test("people the installation does not know become disabled placeholders, whom an operator can let in", async () => {
    const document = await exportOrganisation(owner);
    const email = `newcomer-${uniq()}@example.org`;
    const viewer = document.people.find((p) => p.membership?.role === "viewer")!;
    viewer.email = email;
    const { placeholders, org } = await importOrganisation(document, {
      slug: `placeholders-${uniq()}`,
      placeholderPasswordHash: await hashPassword(`nobody-knows-${uniq()}`),
      actor: { type: "system", label: "test import" },
    });
    expect(placeholders).toEqual([email]);
    const placeholder = (await findUserByEmail(email))!;
    expect((await memberContext(placeholder, org.slug))?.role).toBe("viewer");
    expect(
      await authenticateCredentials({ email, password: "anything at all", ip: "198.51.100.7" }),
    ).toMatchObject({ ok: false });
    expect(await createPasswordReset(email)).toBeNull();
    await setUserDisabled({ type: "system", label: "test" }, email, false);
    expect((await createPasswordReset(email))?.user.email).toBe(email);
  });

  test("PGlite → PGlite (and PostgreSQL → PGlite → PostgreSQL) through npm run org:import and org:export", async () => {
    const source = path.join(tmp, "source.json");
    fs.writeFileSync(source, JSON.stringify(await exportOrganisation(owner)));
    const first = JSON.parse(fs.readFileSync(source, "utf8")) as OrgDocument;

    const dataDir = await freshInstallation();
    const imported = await run("org-import", [source, "--slug", "northwind"], { dataDir });
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /Imported "Northwind Logistics \(demo\)" as \/o\/northwind: 4 members/,
    );
    // A fresh installation knows nobody: each member is a disabled placeholder, and it says how to let them in.
    expect(imported.stdout).toMatch(/4 people had no account here .*demo@example\.com/);
    expect(imported.stdout).toMatch(/npm run user:disable -- --email <email> --enable/);
    const exported = await run("org-export", ["--org", "northwind"], { dataDir });
    expect(exported.code).toBe(0);
    const second = JSON.parse(exported.stdout) as OrgDocument;
    expectSameApartFromIds(first, second);

    // The same file again under the same slug: refused, and nothing more is written.
    const again = await run("org-import", [source, "--slug", "northwind"], { dataDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /slug "northwind" already exists here; choose another with --slug/,
    );

    const base = process.env.TEST_DATABASE_URL;
    if (!base) return; // PostgreSQL is covered by npm run test:pg.
    const url = new URL(inject("databaseUrl")!);
    const name = `${url.pathname.slice(1)}_copy`;
    url.pathname = `/${name}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    try {
      const databaseUrl = url.toString();
      const fromPglite = path.join(tmp, "from-pglite.json");
      fs.writeFileSync(fromPglite, exported.stdout);
      expect((await run("migrate", [], { databaseUrl })).code).toBe(0);
      const onPostgres = await run("org-import", [fromPglite], { databaseUrl });
      expect(onPostgres.code).toBe(0);
      const out = path.join(tmp, "from-postgres.json");
      expect(
        (await run("org-export", ["--org", "northwind", "--out", out], { databaseUrl })).code,
      ).toBe(0);
      expectSameApartFromIds(first, JSON.parse(fs.readFileSync(out, "utf8")) as OrgDocument);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  test("a truncated or edited document imports nothing and names where it is wrong", async () => {
    const document = await exportOrganisation(owner);
    const before = await counts();
    const attempt = (doc: unknown) =>
      failure(
        importOrganisation(doc, {
          slug: `broken-${uniq()}`,
          placeholderPasswordHash: "unused",
          actor: { type: "system", label: "test import" },
        }),
      );

    const { pilots: _cut, ...withoutPilots } = document;
    const truncated = await attempt(withoutPilots);
    expect(truncated.code).toBe("invalid_input");
    expect(truncated.message).toMatch(/nothing was imported/);
    expect(truncated.message).toMatch(/^ {2}pilots: /m);

    const wrongType = structuredClone(document) as unknown as {
      useCases: Record<string, unknown>[];
    };
    wrongType.useCases[3]!.name = 42;
    wrongType.useCases[1]!.businessValue = "high";
    const typed = await attempt(wrongType);
    expect(typed.fields).toHaveProperty(["useCases.3.name"]);
    expect(typed.fields).toHaveProperty(["useCases.1.businessValue"]);
    expect(typed.message).toMatch(/2 problems/);

    const dangling = structuredClone(document);
    const pilotIndex = dangling.incidents.findIndex((i) => i.pilotId !== null);
    dangling.incidents[pilotIndex]!.pilotId = "00000000-0000-4000-8000-000000000000";
    dangling.pilots[0]!.useCaseId = dangling.pilots[1]!.id;
    const refs = await attempt(dangling);
    expect(refs.fields?.[`incidents.${pilotIndex}.pilotId`]).toEqual([
      "No pilot with this id in the document.",
    ]);
    expect(refs.fields?.["pilots.0.useCaseId"]).toEqual([
      "No use case with this id in the document.",
    ]);
    expect(await counts()).toEqual(before);

    // Through the command line: a file cut short, and an edited one, each exit non-zero.
    const dataDir = await freshInstallation();
    const text = JSON.stringify(document, null, 2);
    const cut = path.join(tmp, "cut.json");
    fs.writeFileSync(cut, text.slice(0, Math.floor(text.length / 2)));
    const cutRun = await run("org-import", [cut], { dataDir });
    expect(cutRun.code).toBe(1);
    expect(cutRun.stderr).toMatch(/\(document\): Not complete JSON: .*(position|line) \d+/);
    expect(cutRun.stderr).toMatch(/nothing was imported/);
    const edited = path.join(tmp, "edited.json");
    fs.writeFileSync(edited, JSON.stringify(dangling));
    const editedRun = await run("org-import", [edited], { dataDir });
    expect(editedRun.code).toBe(1);
    expect(editedRun.stderr).toContain(`incidents.${pilotIndex}.pilotId: No pilot with this id`);
    const check = await run("org-export", ["--org", "demo"], { dataDir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/"demo" was not found/);
  });

  test("secrets never appear in the document", async () => {
    const text = JSON.stringify(await exportOrganisation(owner));
    const memberIds = (
      await db
        .select({ id: users.id })
        .from(users)
        .where(inArray(users.email, [DEMO_EMAIL, "lead@example.com"]))
    ).map((u) => u.id);
    const secrets = [
      ...(
        await db.select({ s: users.passwordHash }).from(users).where(inArray(users.id, memberIds))
      ).map((r) => r.s),
      ...(
        await db
          .select({ s: apiTokens.tokenHash })
          .from(apiTokens)
          .where(eq(apiTokens.orgId, owner.orgId))
      ).map((r) => r.s),
      ...(
        await db
          .select({ s: invitations.tokenHash })
          .from(invitations)
          .where(eq(invitations.orgId, owner.orgId))
      ).map((r) => r.s),
      ...(await db.select({ s: userTokens.tokenHash }).from(userTokens)).map((r) => r.s),
    ].filter((s): s is string => Boolean(s));
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"[A-Za-z]*(hash|password|secret|session)[A-Za-z]*"\s*:/i);
    expect(text).not.toMatch(/\$argon2/);
  });

  test("only owners export: the data layer refuses the other roles, and the route answers 403, 404 or 401", async () => {
    const org = await makeOrg();
    for (const role of ROLES) {
      expect(await outcome(exportOrganisation(org.ctx[role]))).toBe(
        role === "owner" ? "ok" : "forbidden",
      );
    }

    const { signIn } = await authEndpoint();
    const cookieOf = async (email: string, password = PASSWORD) => {
      const response = await signIn(email, password);
      const cookie = response.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      expect(cookie).toMatch(/session-token=/);
      return cookie;
    };
    const get = async (cookie?: string, slug = DEMO_ORG_SLUG) => {
      return exportRoute(
        new Request(`http://localhost:3000/o/${slug}/settings/export.json`, {
          headers: cookie ? { cookie } : {},
        }),
        params({ org: slug }),
      );
    };

    const asOwner = await get(await cookieOf(DEMO_EMAIL));
    expect(asOwner.status).toBe(200);
    expect(asOwner.headers.get("content-disposition")).toMatch(
      /attachment; filename="demo-export-/,
    );
    const document = (await asOwner.json()) as OrgDocument;
    expect(document.organisation.slug).toBe(DEMO_ORG_SLUG);

    for (const email of ["viewer@example.com", "lead@example.com"]) {
      const refused = await get(await cookieOf(email));
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('organisation":');
    }
    const outsider = await makeUser("Outsider", await hashPassword(PASSWORD));
    expect((await get(await cookieOf(outsider.email))).status).toBe(404);
    expect((await get(await cookieOf(DEMO_EMAIL), "no-such-org")).status).toBe(404);
    expect((await get()).status).toBe(401);
  });
});
