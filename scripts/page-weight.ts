/**
 * Weighs the main pages of a running Preflight: HTML bytes and first-load JavaScript (gzip) of
 * each, for one organisation, signed in as one of its people.
 *
 *   npx tsx scripts/page-weight.ts --url http://127.0.0.1:3000 --org demo \
 *     --email demo@example.com --password preflight-demo [--json]
 */
import { z } from "zod";
import { parseArgsWith } from "./lib/cli";
import { kB, measurePage, type PageWeight, signInOverHttp } from "./lib/page-weight";

const options = parseArgsWith(
  z.object({
    url: z.string().url().default("http://127.0.0.1:3000"),
    org: z.string().min(1).default("demo"),
    email: z.string().email().default("demo@example.com"),
    password: z.string().min(1).default("preflight-demo"),
    json: z.literal(true).optional(),
  }),
  "Usage: page-weight.ts [--url URL] [--org SLUG] [--email E] [--password P] [--json]",
);

const base = options.url.replace(/\/$/, "");
const org = `/o/${options.org}`;
const cookie = await signInOverHttp(base, options.email, options.password);

/** Links under `prefix` (a path) found in the HTML of `page`. */
async function linksOn(page: string, pattern: RegExp): Promise<string[]> {
  const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
  return [...new Set([...html.matchAll(pattern)].map((m) => m[0]))];
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const pilots = await linksOn(`${org}/pilots`, new RegExp(`${org}/pilots/${uuid}`, "g"));
const assessmentLinks = await linksOn(
  `${org}/assessments`,
  new RegExp(`${org}/assessments/${uuid}(/results)?`, "g"),
);
const workshops = await linksOn(`${org}/workshops`, new RegExp(`${org}/workshops/${uuid}`, "g"));

const routes: { name: string; path: string; signedIn: boolean }[] = [
  { name: "sign-in", path: "/sign-in", signedIn: false },
  { name: "dashboard", path: org, signedIn: true },
  { name: "pilot board", path: `${org}/pilots`, signedIn: true },
  ...pilots.map((p) => ({ name: "pilot page", path: p, signedIn: true })),
  ...pilots.map((p) => ({ name: "pilot report", path: `${p}/report`, signedIn: true })),
  { name: "incidents", path: `${org}/incidents`, signedIn: true },
  { name: "use cases", path: `${org}/use-cases`, signedIn: true },
  { name: "assessments", path: `${org}/assessments`, signedIn: true },
  ...assessmentLinks.map((a) => ({
    name: a.endsWith("/results") ? "results" : "wizard",
    path: a,
    signedIn: true,
  })),
  { name: "workshops", path: `${org}/workshops`, signedIn: true },
  ...workshops.map((w) => ({ name: "workshop facilitator", path: w, signedIn: true })),
  ...workshops.map((w) => ({ name: "workshop present", path: `${w}/present`, signedIn: true })),
  ...workshops.map((w) => ({ name: "workshop report", path: `${w}/report`, signedIn: true })),
  { name: "org report", path: `${org}/report`, signedIn: true },
  { name: "lessons", path: `${org}/lessons`, signedIn: true },
];

const results: (PageWeight & { name: string })[] = [];
for (const r of routes) {
  const w = await measurePage(base, r.path, r.signedIn ? cookie : undefined);
  results.push({ name: r.name, ...w });
}

if (options.json) console.log(JSON.stringify(results, null, 2));
else {
  console.log("route                  status   HTML kB  JS kB gz  path");
  for (const r of results)
    console.log(
      `${r.name.padEnd(22)} ${String(r.status).padStart(6)} ${String(kB(r.htmlBytes)).padStart(9)} ${String(kB(r.jsGzipBytes)).padStart(9)}  ${r.path}`,
    );
}
