import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { inject } from "vitest";
import type { Person } from "./pages/auth-pages";

export const baseUrl = inject("baseUrl");

/** Debian's Chromium, headless (Playwright gives it a fresh profile), with everything that would reach the network switched off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

let people = 0;

/**
 * A fresh browser profile (its own cookies): one per person in a test. Each person also
 * appears to come from their own address (as a proxy would report it), so one test's failed
 * sign-ins never rate-limit another's.
 */
export function newPerson(browser: Browser): Promise<BrowserContext> {
  people++;
  return browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${(process.pid + people) % 250}` },
  });
}

export const uniq = () => Math.random().toString(36).slice(2, 8);

/** Someone new to the app, called `name`, with an address and a password no one else has. */
export const personNamed = (name: string): Person => ({
  name,
  email: `${name.toLowerCase().replace(/\s+/g, ".")}.${uniq()}@example.com`,
  password: `pw-${uniq()}-${uniq()}`,
});
