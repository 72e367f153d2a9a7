import type { MemberContext } from "@/lib/domain/permissions";

// Checks no permission: callers check the member may read what they cache before asking.

/** How many results one process keeps, least recently used first out. */
const MAX_ENTRIES = 500;
/**
 * How long a result is fresh. The data version says when the data changed; this bounds what it
 * cannot see: figures that move with the clock (days in a stage, the period's window) and the
 * rare write that bypasses the audit log (a seed script, a user renaming themselves). An older
 * result of the same version is still answered while one request computes it again, so a
 * large organisation's figures are never recomputed by every request at once.
 */
const MAX_AGE_MS = 60_000;

type Entry = { value: Promise<unknown>; expires: number; refreshing: boolean };

// One cache per process, kept on globalThis: Next may load this module more than once.
const globalForCache = globalThis as typeof globalThis & {
  __preflightOrgCache?: Map<string, Entry>;
};
globalForCache.__preflightOrgCache ??= new Map<string, Entry>();
const entries = globalForCache.__preflightOrgCache;

/**
 * A per-organisation result computed once per data version of the organisation and kept in
 * this process. The data version is read with the membership and rises in the transaction of
 * every write to the organisation's data (a trigger on the audit log), so a result is never
 * older than the request's own view of the database, whichever instance of the app made the
 * change. Concurrent requests for the same key share one computation. Without a data version
 * (a context built outside a page request) it computes afresh.
 */
export function cachedForOrg<T>(
  ctx: MemberContext,
  name: string,
  key: unknown,
  load: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  if (ctx.dataVersion === undefined) return load();
  const id = `${ctx.orgId}:${ctx.dataVersion}:${name}:${JSON.stringify(key)}`;
  const found = entries.get(id);
  if (found) {
    // Map order is insertion order: moving the entry to the end marks it recently used.
    entries.delete(id);
    entries.set(id, found);
    if (found.expires <= now && !found.refreshing) {
      found.refreshing = true;
      load().then(
        (fresh) => {
          found.value = Promise.resolve(fresh);
          found.expires = now + MAX_AGE_MS;
          found.refreshing = false;
        },
        () => {
          found.refreshing = false;
        },
      );
    }
    return found.value as Promise<T>;
  }
  const value = load();
  entries.set(id, { value, expires: now + MAX_AGE_MS, refreshing: false });
  // A failure is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(id)?.value === value) entries.delete(id);
  });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return value;
}

/** Empties this process's cache (tests that compare a cached read with a fresh one). */
export function clearOrgCache(): void {
  entries.clear();
}
