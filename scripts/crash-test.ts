import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { READ_TICKET_ACTION } from "./lib/sample-actions";
import { AppServer, appServerEnv, bin, ensureBuild, freePort } from "./lib/server";

/**
 * Crash safety of the embedded database: serves a production build on a fresh PGlite
 * directory, sends API writes a few at a time, kills the server (SIGKILL, whole process group)
 * at random moments, restarts it on the same directory and checks that every write it
 * acknowledged is there, once. Writes cut off by a kill are retried with their Idempotency-Key,
 * as a client would. Run with `npm run test:crash`; exits non-zero on any loss.
 */

export type CrashTestOptions = {
  /** API writes in all (default 1,000). */
  writes?: number;
  /** Kills during the writes (default 5). */
  kills?: number;
  /** Writes in flight at a time (default 4). */
  parallel?: number;
  /** Progress lines (default: console.log). */
  log?: (line: string) => void;
};

export type CrashTestResult = {
  writes: number;
  kills: number;
  acknowledged: number;
  present: number;
  /** Acknowledged writes missing or different after a restart. */
  lost: string[];
  /** Writes stored more than once. */
  duplicates: string[];
  /** Writes in flight at a kill, retried with their key after the restart. */
  inFlightAtKill: number;
  /** Of those, the ones the killed server had committed (the retry replayed them). */
  committedBeforeKill: number;
  /** Restarts that found the killed server's lock file and took it over as stale. */
  staleLocksTakenOver: number;
  seconds: number;
};

const root = process.cwd();

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(bin("tsx"), [`scripts/${script}.ts`, ...args], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`${script} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

type Write =
  | { n: number; kind: "incident"; key: string; title: string; body: object }
  | { n: number; kind: "metrics"; key: string; periodStart: string; body: object };

const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);

function makeWrite(n: number): Write {
  const key = `crash-${n}`;
  if (n % 2 === 0) {
    const title = `Crash write ${n}`;
    return {
      n,
      kind: "incident",
      key,
      title,
      body: {
        title,
        severity: "sev3",
        category: "other",
        detectionSource: "automated_check",
        outcome: "contained",
        startedAt: new Date(BASE + n * 60_000).toISOString(),
        costEstimate: n,
      },
    };
  }
  const periodStart = new Date(BASE + n * DAY).toISOString().slice(0, 10);
  return {
    n,
    kind: "metrics",
    key,
    periodStart,
    body: { metrics: [{ periodStart, attempted: n, correct: n - 1, overrides: 1 }] },
  };
}

/** Runs the crash test; resolves with what it measured (it throws only if it cannot run). */
export async function runCrashTest(options: CrashTestOptions = {}): Promise<CrashTestResult> {
  const total = options.writes ?? 1000;
  const kills = options.kills ?? 5;
  const parallel = options.parallel ?? 4;
  const log = options.log ?? ((line: string) => console.log(line));
  const started = Date.now();

  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  ensureBuild(env, log);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "preflight-crash-"));
  const port = await freePort();
  const serverEnv = appServerEnv(env, port, dataDir);
  const server = new AppServer(port, serverEnv);

  try {
    runScript("migrate", [], serverEnv);
    runScript("org-create", ["--slug", "crash-test", "--owner", "crash@example.com"], serverEnv);
    const token = runScript("token", ["--org", "crash-test", "--role", "admin"], serverEnv).trim();
    await server.start();

    const api = async (method: string, url: string, body?: unknown, key?: string) => {
      const res = await fetch(`${server.baseUrl}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          ...(key ? { "idempotency-key": key } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      return res;
    };
    const ok = async (res: Response) => {
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      return res.json();
    };

    // A pilot to write to: use case, inventory, a submitted assessment, the pilot.
    const uc = await ok(
      await api("POST", "/api/v1/use-cases", { name: "Crash", businessValue: 3 }),
    );
    await ok(await api("POST", `/api/v1/use-cases/${uc.id}/actions`, READ_TICKET_ACTION));
    const assessment = await ok(await api("POST", "/api/v1/assessments", { useCaseId: uc.id }));
    await ok(await api("POST", `/api/v1/assessments/${assessment.id}/submit`));
    // The incidents start and the run metrics are dated from BASE: the pilot must have started by then.
    const pilot = await ok(
      await api("POST", "/api/v1/pilots", {
        useCaseId: uc.id,
        startDate: new Date(BASE).toISOString().slice(0, 10),
      }),
    );

    const queue: Write[] = Array.from({ length: total }, (_, n) => makeWrite(n));
    const acknowledged = new Map<number, Write>();
    const retried = new Set<number>();
    let committedBeforeKill = 0;
    let staleLocksTakenOver = 0;
    const unexpected: string[] = [];

    /** Reads everything back through the API: incidents by title, run metrics by day. */
    const readBack = async () => {
      const titles = new Map<string, { count: number; costEstimate: number | null }>();
      let cursor: string | null = null;
      do {
        const qs: string = `?limit=500${cursor ? `&cursor=${cursor}` : ""}`;
        const page = await ok(await api("GET", `/api/v1/pilots/${pilot.id}/incidents${qs}`));
        for (const i of page.data as { title: string; costEstimate: number | null }[]) {
          const seen = titles.get(i.title);
          titles.set(i.title, { count: (seen?.count ?? 0) + 1, costEstimate: i.costEstimate });
        }
        cursor = page.nextCursor;
      } while (cursor);
      const metrics = await ok(await api("GET", `/api/v1/pilots/${pilot.id}/run-metrics`));
      const days = new Map<string, { attempted: number; correct: number }>();
      for (const m of metrics.data as { periodStart: string; attempted: number; correct: number }[])
        days.set(m.periodStart, m);
      return { titles, days };
    };

    const check = async () => {
      const { titles, days } = await readBack();
      const lost: string[] = [];
      for (const w of acknowledged.values()) {
        if (w.kind === "incident") {
          const found = titles.get(w.title);
          if (!found || found.costEstimate !== w.n) lost.push(w.key);
        } else {
          const found = days.get(w.periodStart);
          if (!found || found.attempted !== w.n || found.correct !== w.n - 1) lost.push(w.key);
        }
      }
      const duplicates = [...titles].filter(([, v]) => v.count > 1).map(([title]) => title);
      return { lost, duplicates, present: acknowledged.size - lost.length };
    };

    // Kill points: after a random number of acknowledged writes, plus a random few
    // milliseconds, so the kill lands while writes are in flight.
    const killAt = Array.from(
      { length: kills },
      () => Math.floor(Math.random() * (total - 2 * parallel)) + parallel,
    ).sort((a, b) => a - b);
    let inFlightAtKill = 0;
    let result: Awaited<ReturnType<typeof check>> = { lost: [], duplicates: [], present: 0 };
    let killsDone = 0;

    for (let round = 0; round <= kills; round++) {
      const threshold = round < kills ? killAt[round]! : Number.POSITIVE_INFINITY;
      let killing: Promise<void> | null = null;
      let killed = false;
      const inFlight = new Set<number>();
      const roundStart = acknowledged.size;
      let cutOff = 0;

      const worker = async () => {
        while (!killed && queue.length > 0) {
          const w = queue.shift()!;
          inFlight.add(w.n);
          try {
            const path =
              w.kind === "incident"
                ? `/api/v1/pilots/${pilot.id}/incidents`
                : `/api/v1/pilots/${pilot.id}/run-metrics`;
            const res = await api("POST", path, w.body, w.key);
            const text = await res.text();
            if (res.status === 201) {
              acknowledged.set(w.n, w);
              if (retried.has(w.n) && res.headers.get("idempotent-replayed") === "true") {
                committedBeforeKill++;
              }
              if (acknowledged.size >= threshold && !killing) {
                killing = new Promise((r) => setTimeout(r, Math.random() * 25)).then(async () => {
                  killed = true;
                  cutOff = inFlight.size;
                  await server.kill();
                });
              }
            } else {
              unexpected.push(`${w.key}: ${res.status} ${text.slice(0, 200)}`);
            }
          } catch (error) {
            if (!killing) throw error;
            // Cut off by the kill: retry it with the same key after the restart.
            retried.add(w.n);
            queue.unshift(w);
          } finally {
            inFlight.delete(w.n);
          }
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      if (!killing) break;
      await killing;
      killsDone++;
      inFlightAtKill += cutOff;

      const lock = path.join(dataDir, "preflight.lock");
      const holder = fs.existsSync(lock)
        ? (JSON.parse(fs.readFileSync(lock, "utf8")) as { pid: number })
        : null;
      const restartAt = Date.now();
      await server.start();
      const restartSeconds = ((Date.now() - restartAt) / 1000).toFixed(1);
      if (holder && !isAlive(holder.pid)) staleLocksTakenOver++;
      result = await check();
      log(
        `  kill ${killsDone}: ${acknowledged.size - roundStart} more writes acknowledged, killed with ${cutOff} in flight; healthy again in ${restartSeconds} s; ${result.present}/${acknowledged.size} acknowledged writes present, ${result.lost.length} lost, ${result.duplicates.length} duplicated`,
      );
      if (result.lost.length > 0) break;
    }

    result = await check();
    await server.stop();
    // The directory must open cleanly in another process once the server is gone.
    runScript("migrate", [], serverEnv);
    if (unexpected.length > 0) {
      throw new Error(`Writes were refused:\n${unexpected.slice(0, 10).join("\n")}`);
    }

    const outcome: CrashTestResult = {
      writes: total,
      kills: killsDone,
      acknowledged: acknowledged.size,
      present: result.present,
      lost: result.lost,
      duplicates: result.duplicates,
      inFlightAtKill,
      committedBeforeKill,
      staleLocksTakenOver,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    log(
      `reliability: kill -9 during writes ×${killsDone} → ${outcome.acknowledged} acknowledged, ${outcome.present} present after restart, ${outcome.lost.length} lost` +
        ` (${outcome.inFlightAtKill} in flight at a kill were retried with their key: ${outcome.committedBeforeKill} had been committed and replayed; ${outcome.duplicates.length} duplicates; ${outcome.staleLocksTakenOver} stale locks taken over; ${outcome.seconds} s)`,
    );
    return outcome;
  } finally {
    await server.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runCrashTest();
  const failed =
    result.lost.length > 0 ||
    result.duplicates.length > 0 ||
    result.present !== result.acknowledged ||
    result.acknowledged !== result.writes;
  if (failed) {
    console.error(
      `Lost: ${result.lost.join(", ") || "none"}; duplicated: ${result.duplicates.join(", ") || "none"}`,
    );
  }
  process.exit(failed ? 1 : 0);
}
