// A room of participants answering a workshop against production servers, while the facilitator
// follows the live view.
//
//   npm run bench:workshop                          # PGlite, one app instance
//   npm run bench:workshop -- --participants 30     # fewer people
//   npm run bench:workshop -- --postgres postgres://postgres@127.0.0.1:5432/postgres
//                       # a throwaway database on that server and TWO app instances: the
//                       # participants use one, the facilitator polls the other
//
// Everything goes over HTTP as a browser does it: participants join through the join page's
// form (its server action, without JavaScript) and keep the httpOnly participant cookie; their
// answers go through the wizard's autosave server action; the facilitator signs in and polls
// live.json every two seconds after each response, as the workshop page does. Each answer
// carries a distinct comment, so its first appearance on the facilitator's screen can be
// timed from its acknowledgement. At the end the stored answers (read from the database)
// must equal the last acknowledged answer of every participant and question, and the
// facilitator's counts must equal the stored answers. Exits non-zero on any loss or mismatch.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { z } from "zod";
import type { WorkshopLive } from "@/lib/domain/workshops";
import { parseArgsWith } from "./lib/cli";
import { AppServer, appServerEnv, ensureBuild, throwawayPostgres } from "./lib/server";

const options = parseArgsWith(
  z.object({
    participants: z.coerce.number().int().min(1).max(50).default(50),
    answers: z.coerce.number().int().min(1).max(20).default(6),
    changes: z.coerce.number().int().min(0).max(20).default(2),
    port: z.coerce.number().int().min(1).default(3113),
    postgres: z.string().url().optional(),
    "same-address": z.literal(true).optional(),
  }),
  "Usage: npm run bench:workshop -- [--participants 50] [--answers 6] [--changes 2] [--port 3113] [--postgres URL] [--same-address]",
);
const POLL_MS = 2_000; // LIVE_POLL_MS of the workshop page
const FOLLOW_UP_MS = 15_000; // how long to wait for the last answers to show before calling them lost
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

let cleanup: () => Promise<void>;
let dataDir: string;
if (options.postgres) {
  const throwaway = await throwawayPostgres(options.postgres, "preflight_bench");
  process.env.DATABASE_URL = throwaway.url;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-bench-"));
  cleanup = async () => {
    await throwaway.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
} else {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-bench-"));
  delete process.env.DATABASE_URL;
  process.env.PREFLIGHT_DATA_DIR = dataDir;
  cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
}

// The database module reads its configuration when first imported.
const { closeDatabase, databaseKind, db, migrateDatabase } = await import("@/db");
const { eq } = await import("drizzle-orm");
const { memberContext } = await import("@/db/queries/organisations");
const { createUseCase } = await import("@/db/queries/use-cases");
const { findUserByEmail } = await import("@/db/queries/users");
const { createWorkshop, setWorkshopState, workshopBank } = await import("@/db/queries/workshops");
const { workshopAnswers, workshopParticipants } = await import("@/db/schema");
const { DEFAULT_ROLE_TAGS, workshopQuestions } = await import("@/lib/domain/workshops");
const { CURRENT_QUESTION_BANK_VERSION } = await import("@/lib/domain/question-bank");
const { createOrganisationWithOwner } = await import("./lib/org-create");
const { plainUseCaseInput } = await import("./lib/sample-use-case");

/** The id of a server action of the build, as the browser's bundle knows it. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(".next/server/server-reference-manifest.json", "utf8"),
  ) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const found = Object.entries(manifest.node).find(
    ([, a]) => a.filename === file && a.exportedName === name,
  );
  if (!found) throw new Error(`No server action ${name} in ${file} in the build`);
  return found[0];
}

/** The cookies one client holds, updated from each response's Set-Cookie. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(name: string) {
    return this.cookies.has(name);
  }
}

const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The form of a page as a browser without JavaScript submits it: its hidden inputs. */
function hiddenInputs(html: string): [string, string][] {
  const form = html.match(/<form[\s\S]*?<\/form>/)?.[0];
  if (!form) {
    const said = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>\s*<p[^>]*>([\s\S]*?)<\/p>/);
    throw new Error(
      `The join page has no form: ${said ? `${said[1]}: ${said[2]}` : "(no heading)"}`,
    );
  }
  return [...form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)].map((m) => {
    const name = m[0].match(/name="([^"]*)"/)?.[1] ?? "";
    const value = m[0].match(/value="([^"]*)"/)?.[1] ?? "";
    return [decodeHtml(name), decodeHtml(value)];
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : Number.NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => `${Math.round(n)} ms`;

type Sent = {
  marker: string;
  participant: number;
  questionId: string;
  optionId: string | null;
  dontKnow: boolean;
  ackAt: number;
};

const failures: string[] = [];
const servers: AppServer[] = [];
try {
  ensureBuild(env, console.log);
  await migrateDatabase();
  const kind = databaseKind();
  const slug = "bench-workshop";
  const ownerEmail = "facilitator@bench.example";
  const { password } = await createOrganisationWithOwner({ slug, owner: ownerEmail });
  const user = await findUserByEmail(ownerEmail);
  const owner = user && (await memberContext(user, slug));
  if (!owner || !password) throw new Error("no facilitator");
  const useCase = await createUseCase(owner, plainUseCaseInput("Refund triage"));
  const bank = workshopBank(CURRENT_QUESTION_BANK_VERSION);
  const draft = await createWorkshop(owner, {
    useCaseId: useCase.id,
    title: "Readiness workshop (load test)",
    date: new Date().toISOString().slice(0, 10),
    dimensions: bank.dimensions.map((d) => d.id),
    roleTags: [...DEFAULT_ROLE_TAGS],
    anonymous: false,
    pace: "self_paced",
  });
  const workshop = await setWorkshopState(owner, draft.id, "open", draft.version);
  const questions = workshopQuestions(bank, workshop.dimensions);
  const questionIds = questions.map((q) => q.id);
  // PGlite is one process's: the server takes it over from here.
  if (kind === "pglite") await closeDatabase();

  const saveAction = actionId("app/join/actions.ts", "saveParticipantAnswerAction");
  // Behind a proxy that names the client: each participant comes from their own address (a
  // phone on mobile data) unless --same-address puts the whole room behind one (one Wi-Fi).
  const extra: Record<string, string> = {
    TRUSTED_PROXY_HOPS: "1",
    ...(options.postgres ? { DATABASE_URL: process.env.DATABASE_URL! } : {}),
  };
  const ports = options.postgres ? [options.port, options.port + 1] : [options.port];
  for (const port of ports) {
    const server = new AppServer(port, { ...appServerEnv(env, port, dataDir), ...extra });
    servers.push(server);
  }
  // Both instances share one session secret, as a deployment behind a load balancer does.
  const secret = servers[0]!.env.AUTH_SECRET!;
  for (const s of servers) s.env.AUTH_SECRET = secret;
  await Promise.all(servers.map((s) => s.start()));
  const answering = servers[0]!;
  const following = servers.at(-1)!;
  console.log(
    `Database: ${kind}. Participants answer on ${answering.baseUrl}; the facilitator follows on ${following.baseUrl}.`,
  );

  // The facilitator signs in through Auth.js, as the sign-in page does.
  const facilitator = new CookieJar();
  const csrf = await fetch(`${following.baseUrl}/api/auth/csrf`);
  facilitator.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${following.baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: facilitator.header(),
    },
    body: new URLSearchParams({ csrfToken, email: ownerEmail, password }),
  });
  facilitator.take(signIn);
  if (!facilitator.has("authjs.session-token"))
    throw new Error("The facilitator could not sign in");

  // The facilitator's screen: poll, then wait two seconds after each response.
  const firstSeen = new Map<string, number>();
  let polls = 0;
  let pollErrors = 0;
  let last: WorkshopLive | null = null;
  let polling = true;
  const pollMs: number[] = [];
  const poll = async () => {
    const sent = performance.now();
    const res = await fetch(`${following.baseUrl}/o/${slug}/workshops/${workshop.id}/live.json`, {
      headers: { cookie: facilitator.header() },
    });
    if (!res.ok) {
      pollErrors++;
      return;
    }
    const live = (await res.json()) as WorkshopLive;
    const at = performance.now();
    pollMs.push(at - sent);
    polls++;
    last = live;
    for (const c of live.comments) if (!firstSeen.has(c.comment)) firstSeen.set(c.comment, at);
  };
  const poller = (async () => {
    while (polling) {
      await poll().catch(() => pollErrors++);
      await sleep(POLL_MS);
    }
  })();

  // The participants: join over a few seconds, then answer at their own pace, then change
  // some answers.
  const sent: Sent[] = [];
  const refused: string[] = [];
  const saveMs: number[] = [];
  const participant = async (n: number) => {
    await sleep(Math.random() * 5_000);
    const jar = new CookieJar();
    const code = workshop.joinCode;
    const address = {
      "x-forwarded-for": options["same-address"] ? "198.51.100.1" : `198.51.100.${n}`,
    };
    const page = await fetch(`${answering.baseUrl}/join/${code}`, { headers: address });
    jar.take(page);
    const form = new FormData();
    for (const [name, value] of hiddenInputs(await page.text())) form.append(name, value);
    form.append("displayName", `Participant ${n}`);
    form.append("roleTag", DEFAULT_ROLE_TAGS[n % DEFAULT_ROLE_TAGS.length]!);
    const joined = await fetch(`${answering.baseUrl}/join/${code}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...address, cookie: jar.header(), origin: answering.baseUrl },
      body: form,
    });
    jar.take(joined);
    if (!jar.has("preflight-workshop")) {
      throw new Error(`Participant ${n} could not join: ${joined.status}`);
    }
    // Several questions, spread over the questionnaire, then a few of them answered again.
    const picks = Array.from(
      { length: options.answers },
      (_, i) => questions[(n * 7 + i * 11) % questions.length]!,
    );
    const plan = [...picks, ...picks.slice(0, options.changes)];
    for (const [i, q] of plan.entries()) {
      await sleep(500 + Math.random() * 2_500);
      const dontKnow = (n + i) % 9 === 0;
      const option = q.options[(n + i * 3) % q.options.length]!;
      const marker = `bench p${n} ${q.id} #${i}`;
      const started = performance.now();
      const res = await fetch(`${answering.baseUrl}/join/${code}/answers`, {
        method: "POST",
        headers: {
          "next-action": saveAction,
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          origin: answering.baseUrl,
          cookie: jar.header(),
          ...address,
        },
        body: JSON.stringify([
          questionIds,
          {
            questionId: q.id,
            optionId: dontKnow ? null : option.id,
            dontKnow,
            evidence: marker,
            basedOnRevision: null,
          },
        ]),
      });
      const text = await res.text();
      const ackAt = performance.now();
      if (res.ok && text.includes('"ok":true')) {
        saveMs.push(ackAt - started);
        sent.push({
          marker,
          participant: n,
          questionId: q.id,
          optionId: dontKnow ? null : option.id,
          dontKnow,
          ackAt,
        });
      } else refused.push(`${marker}: ${res.status} ${text.slice(0, 200)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.participants }, (_, i) => participant(i + 1)));
  const answeredIn = performance.now() - started;

  // The last answers get a few polls to show.
  const current = new Map<string, Sent>();
  for (const s of sent) current.set(`${s.participant} ${s.questionId}`, s);
  const shown = () => [...current.values()].every((s) => firstSeen.has(s.marker));
  const deadline = performance.now() + FOLLOW_UP_MS;
  while (!shown() && performance.now() < deadline) await sleep(200);
  const lastPoll = polls;
  while (polls === lastPoll && performance.now() < deadline + POLL_MS * 2) await sleep(50);
  polling = false;
  await poller;

  // Latency: from each acknowledged answer to the first poll that showed it. An answer
  // replaced by the same participant before any poll could show it was never on screen.
  const latencies: number[] = [];
  let replacedUnseen = 0;
  for (const s of sent) {
    const seen = firstSeen.get(s.marker);
    if (seen !== undefined) latencies.push(Math.max(0, seen - s.ackAt));
    else if (current.get(`${s.participant} ${s.questionId}`) !== s) replacedUnseen++;
    else failures.push(`never shown to the facilitator: ${s.marker}`);
  }
  latencies.sort((a, b) => a - b);
  saveMs.sort((a, b) => a - b);
  pollMs.sort((a, b) => a - b);

  // The stored answers, read from the database once the servers are done.
  await Promise.all(servers.map((s) => s.stop()));
  const stored = await db
    .select({
      displayName: workshopParticipants.displayName,
      roleTag: workshopParticipants.roleTag,
      questionId: workshopAnswers.questionId,
      optionId: workshopAnswers.optionId,
      dontKnow: workshopAnswers.dontKnow,
      comment: workshopAnswers.comment,
    })
    .from(workshopAnswers)
    .innerJoin(workshopParticipants, eq(workshopParticipants.id, workshopAnswers.participantId))
    .where(eq(workshopAnswers.workshopId, workshop.id));
  const storedBy = new Map(
    stored.map((r) => [`${r.displayName.replace("Participant ", "")} ${r.questionId}`, r]),
  );
  for (const [key, s] of current) {
    const row = storedBy.get(key);
    if (!row) failures.push(`lost: ${s.marker}`);
    else if (row.comment !== s.marker || row.optionId !== s.optionId || row.dontKnow !== s.dontKnow)
      failures.push(`stored differently: ${s.marker} (stored ${row.comment})`);
  }
  if (stored.length !== current.size) {
    failures.push(`${stored.length} answers stored, ${current.size} acknowledged`);
  }
  // The facilitator's last counts against the stored answers, per question, role and option.
  const expected = new Map<string, number>();
  const add = (key: string) => expected.set(key, (expected.get(key) ?? 0) + 1);
  for (const r of stored) add(`${r.questionId} ${r.roleTag} ${r.dontKnow ? "?" : r.optionId}`);
  const shownCounts = new Map<string, number>();
  const final = last as WorkshopLive | null;
  for (const q of final?.questions ?? []) {
    for (const role of q.byRole) {
      for (const o of role.options) {
        if (o.count) shownCounts.set(`${q.questionId} ${role.roleTag} ${o.optionId}`, o.count);
      }
      if (role.dontKnow) shownCounts.set(`${q.questionId} ${role.roleTag} ?`, role.dontKnow);
    }
    const total = q.options.reduce((sum, o) => sum + o.count, 0) + q.dontKnow;
    const roles = q.byRole.reduce((sum, r) => sum + r.scored + r.dontKnow, 0);
    if (total !== roles) failures.push(`${q.questionId}: room ${total}, roles ${roles}`);
  }
  for (const key of new Set([...expected.keys(), ...shownCounts.keys()])) {
    if (expected.get(key) !== shownCounts.get(key)) {
      failures.push(
        `aggregate ${key}: facilitator sees ${shownCounts.get(key) ?? 0}, stored ${expected.get(key) ?? 0}`,
      );
    }
  }
  if (final?.participants !== options.participants) {
    failures.push(
      `facilitator sees ${final?.participants} participants, ${options.participants} joined`,
    );
  }
  failures.push(...refused.map((r) => `refused: ${r}`));
  if (pollErrors) failures.push(`${pollErrors} polls failed`);

  console.log(
    `${options.participants} participants, ${sent.length} answers acknowledged (${current.size} kept after changes) in ${(answeredIn / 1000).toFixed(1)} s; ${stored.length} stored, ${failures.length ? "MISMATCH" : "none lost, aggregates equal the stored answers"}`,
  );
  console.log(
    `Answer saved (server action round trip): median ${ms(quantile(saveMs, 0.5))}, 95th percentile ${ms(quantile(saveMs, 0.95))}`,
  );
  console.log(
    `live.json poll (${polls} polls, ${options.postgres ? "another instance" : "same instance"}): median ${ms(quantile(pollMs, 0.5))}, 95th percentile ${ms(quantile(pollMs, 0.95))}`,
  );
  console.log(
    `Answer → facilitator's screen (${latencies.length} answers${replacedUnseen ? `; ${replacedUnseen} replaced before a poll` : ""}): median ${ms(quantile(latencies, 0.5))}, 95th percentile ${ms(quantile(latencies, 0.95))}, worst ${ms(latencies.at(-1) ?? Number.NaN)}`,
  );
} catch (error) {
  failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  for (const s of servers) if (s.output) console.error(s.output.slice(-3000));
} finally {
  await Promise.all(servers.map((s) => s.kill()));
  await closeDatabase();
  await cleanup();
}
if (failures.length) {
  console.error(`\n${failures.length} problems:\n${failures.slice(0, 30).join("\n")}`);
}
process.exit(failures.length ? 1 : 0);
