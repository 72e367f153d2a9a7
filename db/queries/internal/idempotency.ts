import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Stable fingerprint of a request body: the same JSON with keys in any order hashes alike. */
export function requestFingerprint(body: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export type IdempotentResult<T> = { status: number; body: T; replayed: boolean };

/**
 * Runs `work` once per (organisation, scope, key). Call inside the transaction that does the
 * work: the key row is claimed first, so a concurrent retry waits for this one to commit and
 * then replays its response; the same key with a different body is a conflict.
 */
export async function runIdempotent<T>(
  tx: Executor,
  orgId: string,
  scope: string,
  key: string,
  body: unknown,
  work: () => Promise<{ status: number; body: T }>,
  /** A last write of the work, sent together with the stored answer. */
  alongside?: (result: { status: number; body: T }) => Promise<unknown>,
): Promise<IdempotentResult<T>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new AppError(
      "bad_request",
      "The Idempotency-Key header must be 1–200 printable characters.",
    );
  }
  const hash = requestFingerprint(body);
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ orgId, scope, key, requestHash: hash, status: 0, response: {} })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const [existing] = await tx
      .select({
        requestHash: idempotencyKeys.requestHash,
        status: idempotencyKeys.status,
        response: idempotencyKeys.response,
      })
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.orgId, orgId),
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
        ),
      );
    if (!existing) throw new Error("idempotency key vanished");
    if (existing.requestHash !== hash) {
      throw new AppError(
        "conflict",
        "This Idempotency-Key was already used with a different request body. Use a new key for a new request.",
      );
    }
    return { status: existing.status, body: existing.response as T, replayed: true };
  }
  const result = await work();
  await Promise.all([
    tx
      .update(idempotencyKeys)
      .set({ status: result.status, response: result.body as object })
      .where(
        and(
          eq(idempotencyKeys.orgId, orgId),
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
        ),
      ),
    alongside?.(result),
  ]);
  return { ...result, replayed: false };
}
