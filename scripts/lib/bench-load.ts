import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

/** One request shape a target sends: every instance gets the same. */
export type LoadRequest = {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Headers that must differ on every request (an Idempotency-Key). */
  perRequestHeaders?: () => Record<string, string>;
  /** Records each request writes (a batch of incidents); 1 when absent. */
  itemsPerRequest?: number;
};

export type LoadOutcome = {
  reqPerSec: number;
  /** Null when no request completed. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  requests: number;
  non2xx: number;
  errors: number;
};

/** The value at percentile `p` (0-100) of sorted numbers, nearest rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** One autocannon run against one base URL; latencies of 2xx answers kept for percentiles. */
async function cannon(
  baseUrl: string,
  request: LoadRequest,
  connections: number,
  seconds: number,
): Promise<LoadOutcome> {
  const latencies: number[] = [];
  const { perRequestHeaders } = request;
  let instance: autocannon.Instance | undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: request.method,
            path: request.path,
            headers: request.headers,
            body: request.body,
            ...(perRequestHeaders
              ? {
                  setupRequest: (req) => ({
                    ...req,
                    headers: { ...req.headers, ...perRequestHeaders() },
                  }),
                }
              : {}),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  instance?.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => (latencies.length === 0 ? null : percentile(latencies, p));
  return {
    reqPerSec: result.requests.average,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Drives every instance at once, the connections split between them (8 over 2 → 4 + 4):
 * requests per second are summed, and the percentiles are the worst instance's.
 */
export async function load(
  baseUrls: readonly string[],
  request: LoadRequest,
  connections: number,
  seconds: number,
): Promise<LoadOutcome> {
  const share = (i: number) =>
    Math.floor(connections / baseUrls.length) + (i < connections % baseUrls.length ? 1 : 0);
  const outcomes = await Promise.all(
    baseUrls.map((url, i) => cannon(url, request, Math.max(1, share(i)), seconds)),
  );
  const worst = (key: "p50" | "p95" | "p99") => {
    const values = outcomes.map((o) => o[key]).filter((v) => v !== null);
    return values.length === 0 ? null : Math.max(...values);
  };
  return {
    reqPerSec: outcomes.reduce((s, o) => s + o.reqPerSec, 0),
    p50: worst("p50"),
    p95: worst("p95"),
    p99: worst("p99"),
    requests: outcomes.reduce((s, o) => s + o.requests, 0),
    non2xx: outcomes.reduce((s, o) => s + o.non2xx, 0),
    errors: outcomes.reduce((s, o) => s + o.errors, 0),
  };
}

/**
 * Waits until each server has finished what an earlier run left in flight: autocannon stops
 * at the end of its window without waiting for answers, and a server keeps rendering pages
 * nobody waits for any more, which would slow the next target's window. Settled means the
 * health check (a database round trip) answers within `quickMs` twice in a row.
 */
export async function settle(
  baseUrls: readonly string[],
  { quickMs = 100, timeoutMs = 20_000 } = {},
): Promise<void> {
  await Promise.all(
    baseUrls.map(async (baseUrl) => {
      const deadline = Date.now() + timeoutMs;
      let quick = 0;
      while (quick < 2 && Date.now() < deadline) {
        const started = performance.now();
        const res = await fetch(`${baseUrl}/api/health`).catch(() => null);
        await res?.arrayBuffer();
        quick = res?.ok && performance.now() - started < quickMs ? quick + 1 : 0;
        if (quick < 2) await new Promise((r) => setTimeout(r, 100));
      }
    }),
  );
}

async function send(baseUrl: string, request: LoadRequest): Promise<Response> {
  return fetch(`${baseUrl}${request.path}`, {
    method: request.method,
    headers: { ...request.headers, ...request.perRequestHeaders?.() },
    body: request.body,
    redirect: "manual",
  });
}

/** Median latency in ms of `count` requests sent one after another (after one to warm up). */
export async function aloneLatency(
  baseUrl: string,
  request: LoadRequest,
  count = 5,
): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i <= count; i++) {
    const started = performance.now();
    const res = await send(baseUrl, request);
    await res.arrayBuffer();
    if (!res.ok) return null;
    if (i > 0) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

export type PageWeight = {
  htmlBytes: number;
  htmlGzipBytes: number;
  jsGzipBytes: number;
  scripts: number;
};

/**
 * The `src` of every <script> a browser that runs modules loads, in order, each once: `noModule`
 * scripts (the polyfills for old browsers) are never fetched by it, so they are left out.
 */
export function scriptSources(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*>/g)) {
    const tag = match[0];
    if (/\bnomodule\b/i.test(tag)) continue;
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
    if (src) found.add(src.replaceAll("&amp;", "&"));
  }
  return [...found];
}

/**
 * One GET of a page: its HTML raw and gzipped, and the gzip size of every script it loads
 * (first-load JS), each fetched once.
 */
export async function pageWeight(baseUrl: string, request: LoadRequest): Promise<PageWeight> {
  const res = await send(baseUrl, request);
  const html = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`GET ${request.path} answered ${res.status}`);
  const sources = scriptSources(html.toString("utf8"));
  let jsGzipBytes = 0;
  for (const src of sources) {
    const js = await fetch(new URL(src, baseUrl));
    if (!js.ok) throw new Error(`GET ${src} answered ${js.status}`);
    jsGzipBytes += gzipSync(Buffer.from(await js.arrayBuffer())).length;
  }
  return {
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html).length,
    jsGzipBytes,
    scripts: sources.length,
  };
}
