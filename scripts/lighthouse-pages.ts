/**
 * Lighthouse (desktop preset) on pages of a running Preflight, signed in: performance and
 * accessibility scores, and the audits that cost points.
 *
 *   CHROME_PATH=/usr/bin/chromium npx tsx scripts/lighthouse-pages.ts --url http://127.0.0.1:3000 \
 *     [--email demo@example.com --password preflight-demo] /sign-in /o/demo …
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { parseArgs } from "./lib/cli";
import { signInOverHttp } from "./lib/page-weight";

const args = parseArgs();
const base = String(args.url ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const paths = process.argv.slice(2).filter((a) => a.startsWith("/"));
const cookie = await signInOverHttp(
  base,
  String(args.email ?? "demo@example.com"),
  String(args.password ?? "preflight-demo"),
);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  for (const path of paths) {
    const result = await lighthouse(
      `${base}${path}`,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        extraHeaders: path === "/sign-in" ? {} : { cookie },
      },
      desktopConfig,
    );
    if (!result) throw new Error(`No result for ${path}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    console.log(
      `${path}: performance ${score("performance")}, accessibility ${score("accessibility")}`,
    );
    for (const id of [
      "first-contentful-paint",
      "largest-contentful-paint",
      "total-blocking-time",
      "cumulative-layout-shift",
      "speed-index",
    ])
      console.log(`  ${id}: ${audits[id]?.displayValue ?? "?"} (${audits[id]?.score})`);
    for (const category of ["accessibility"]) {
      for (const ref of categories[category]?.auditRefs ?? []) {
        const audit = audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          const items = (audit.details as { items?: { node?: { snippet?: string } }[] } | undefined)
            ?.items;
          console.log(`  ✗ ${ref.id}: ${audit.title}`);
          for (const item of items?.slice(0, 5) ?? [])
            if (item.node?.snippet) console.log(`      ${item.node.snippet.slice(0, 200)}`);
        }
      }
    }
  }
} finally {
  chrome.kill();
}
