import { gzipSync } from "node:zlib";

/** What one page weighs as the browser first loads it. */
export type PageWeight = {
  path: string;
  status: number;
  /** Bytes of the HTML document (uncompressed), RSC payload included. */
  htmlBytes: number;
  /** The page's `<script src>` files (`noModule` ones left out), each with its gzip size. */
  scripts: { src: string; gzipBytes: number }[];
  /**
   * Sum of the gzip sizes of the page's `<script src>` files (`noModule` polyfills left out): its
   * first-load JavaScript.
   */
  jsGzipBytes: number;
};

/** Session and CSRF cookies set by the responses, sent back on the next requests. */
function mergeCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";", 1);
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * Signs in through Auth.js's credentials endpoint, as the sign-in page does; returns the Cookie
 * header that carries the session.
 */
export async function signInOverHttp(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  mergeCookies(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  mergeCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token")))
    throw new Error(`Could not sign in as ${email} (HTTP ${res.status})`);
  return cookieHeader(jar);
}

/**
 * The `<script src>` files a browser that runs modules loads: `noModule` ones (the polyfills for
 * old browsers) are never fetched by it.
 */
const scriptSrcs = (html: string) =>
  [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bnomodule\b/i.test(tag))
    .flatMap((tag) => {
      const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
      return src ? [src.replaceAll("&amp;", "&")] : [];
    });

const gzipCache = new Map<string, number>();

/** Gzip size of a script of the build (cached: the build's files never change under one URL). */
async function scriptGzipBytes(url: string, headers: Record<string, string>): Promise<number> {
  const known = gzipCache.get(url);
  if (known !== undefined) return known;
  const res = await fetch(url, { headers });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const size = gzipSync(Buffer.from(await res.arrayBuffer()), { level: 9 }).length;
  gzipCache.set(url, size);
  return size;
}

/** Fetches `path` with `cookie` and weighs its HTML and its first-load JavaScript. */
export async function measurePage(
  baseUrl: string,
  path: string,
  cookie?: string,
  headers: Record<string, string> = {},
): Promise<PageWeight> {
  const res = await fetch(`${baseUrl}${path}`, {
    redirect: "manual",
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });
  const html = await res.text();
  const scripts = [];
  for (const src of [...new Set(scriptSrcs(html))]) {
    const url = new URL(src, baseUrl).toString();
    scripts.push({ src, gzipBytes: await scriptGzipBytes(url, headers) });
  }
  return {
    path,
    status: res.status,
    htmlBytes: Buffer.byteLength(html),
    scripts,
    jsGzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
  };
}

export const kB = (bytes: number) => Math.round(bytes / 100) / 10;
