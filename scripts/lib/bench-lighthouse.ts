import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { LighthousePage, LighthouseResult } from "./bench-types";
import { bin } from "./server";

const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
].join(" ");

const TIMEOUT_MS = 240_000;

const auditSchema = z.object({
  score: z.number().nullable(),
  scoreDisplayMode: z.string(),
});
const reportSchema = z.object({
  categories: z.record(
    z.string(),
    z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string() })) }),
  ),
  audits: z.record(z.string(), auditSchema),
  runtimeError: z.object({ code: z.string(), message: z.string() }).optional(),
  finalDisplayedUrl: z.string().optional(),
});

/** Ids of the category's scored audits below Lighthouse's own pass mark (0.9). */
function failingAudits(report: z.infer<typeof reportSchema>, category: string): string[] {
  return (report.categories[category]?.auditRefs ?? [])
    .map((ref) => ref.id)
    .filter((id) => {
      const audit = report.audits[id];
      return (
        audit !== undefined &&
        audit.score !== null &&
        audit.score < 0.9 &&
        !["informative", "manual", "notApplicable"].includes(audit.scoreDisplayMode)
      );
    });
}

/**
 * Runs the Lighthouse command line (desktop preset, performance and accessibility) on one page,
 * with `cookie` sent as an extra header when given.
 */
export async function runLighthouse(
  page: LighthousePage,
  baseUrl: string,
  pagePath: string,
  cookie: string | null,
  chromePort: number,
): Promise<LighthouseResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lighthouse-"));
  const out = path.join(dir, "report.json");
  const args = [
    `${baseUrl}${pagePath}`,
    "--preset=desktop",
    "--only-categories=performance,accessibility",
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
    `--port=${chromePort}`,
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  if (cookie) {
    const headers = path.join(dir, "headers.json");
    fs.writeFileSync(headers, JSON.stringify({ Cookie: cookie }));
    args.push(`--extra-headers=${headers}`);
  }
  const result: LighthouseResult = {
    page,
    path: pagePath,
    performance: null,
    accessibility: null,
    failingAudits: { performance: [], accessibility: [] },
  };
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>(
      (resolve) => {
        let output = "";
        const child = spawn(bin("lighthouse"), args, {
          env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
          stdio: ["ignore", "pipe", "pipe"],
        });
        child.stdout.on("data", (d) => {
          output += d;
        });
        child.stderr.on("data", (d) => {
          output += d;
        });
        // Lighthouse gives up on a page by itself; this only stops a run that hangs.
        const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
        child.on("exit", (c) => {
          clearTimeout(timer);
          resolve({ code: c, output });
        });
      },
    );
    if (!fs.existsSync(out)) {
      result.error = `lighthouse exited ${code}: ${output.trim().split("\n").slice(-3).join(" ")}`;
      return result;
    }
    const report = reportSchema.parse(JSON.parse(fs.readFileSync(out, "utf8")));
    if (report.runtimeError)
      result.error = `${report.runtimeError.code}: ${report.runtimeError.message}`;
    // A page that sent Lighthouse elsewhere (to sign in, say) was not the page measured.
    const landed = report.finalDisplayedUrl ? new URL(report.finalDisplayedUrl).pathname : null;
    if (landed && landed !== new URL(pagePath, baseUrl).pathname) {
      result.error = `ended on ${landed} instead`;
    }
    const score = (c: string) => {
      const s = report.categories[c]?.score;
      return s === null || s === undefined ? null : Math.round(s * 100);
    };
    result.performance = score("performance");
    result.accessibility = score("accessibility");
    result.failingAudits = {
      performance: failingAudits(report, "performance"),
      accessibility: failingAudits(report, "accessibility"),
    };
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
