import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { apiTokens, memberships, organisations, users } from "@/db/schema";
import { randomSecret, sha256 } from "@/lib/crypto";
import {
  DEFAULT_TOKEN_LIFETIME_DAYS,
  effectiveTokenRole,
  isValidTokenLifetime,
  MAX_TOKEN_LIFETIME_DAYS,
  type TokenFacts,
  type TokenRefusal,
  type TokenStatus,
  tokenExpiry,
  tokenStatus,
} from "@/lib/domain/api-tokens";
import {
  type Actor,
  assertCan,
  assertCanGrant,
  type MemberContext,
} from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { writeAudit } from "./internal/audit";

export const TOKEN_PREFIX = "pf_";

/** What a token shows of itself, never its secret. */
const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  tokenPrefix: apiTokens.tokenPrefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
};

export type ApiTokenDto = {
  id: string;
  name: string;
  role: Role;
  tokenPrefix: string;
  /** Null for command-line tokens, which belong to no member. */
  createdByName: string | null;
  createdByEmail: string | null;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
};

/**
 * Creates an API token for the organisation, bound to the member creating it (or to no
 * member when created on the command line). It expires after `expiresInDays` (1–365,
 * default 90) counted from `now`. The token itself is returned only here; only its hash is
 * stored.
 */
export async function createApiToken(
  ctx: MemberContext,
  input: { name: string; role: Role; expiresInDays?: number },
  now = new Date(),
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  assertCan(ctx, "tokens:manage");
  assertCanGrant(ctx, input.role);
  // A token minted by a token would belong to no member, and so outlive the person behind it.
  if (ctx.actor.type === "token") throw forbidden("An API token cannot create API tokens.");
  const days = input.expiresInDays ?? DEFAULT_TOKEN_LIFETIME_DAYS;
  if (!isValidTokenLifetime(days)) {
    throw new AppError("invalid_input", "Choose how long the token lasts.", {
      expiresInDays: [`A whole number of days from 1 to ${MAX_TOKEN_LIFETIME_DAYS}.`],
    });
  }
  const token = randomSecret(TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const creator = ctx.actor.type === "user" ? await findUser(tx, ctx.actor.userId) : null;
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: ctx.orgId,
        name: input.name,
        role: input.role,
        tokenHash: sha256(token),
        tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdBy: creator?.id ?? null,
        expiresAt: tokenExpiry(now, days),
      })
      .returning({
        ...tokenColumns,
        role: apiTokens.role,
        expiresAt: apiTokens.expiresAt,
        revokedAt: apiTokens.revokedAt,
      });
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      after: {
        name: row.name,
        role: row.role,
        tokenPrefix: row.tokenPrefix,
        expiresAt: row.expiresAt,
      },
    });
    return {
      token,
      apiToken: {
        ...row,
        createdByName: creator?.name ?? null,
        createdByEmail: creator?.email ?? null,
        status: "active",
      },
    };
  });
}

async function findUser(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw notFound("Your account");
  return row;
}

/** The columns that decide whether a token works, with its creator as they are now. */
const standingColumns = {
  role: apiTokens.role,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
  createdBy: apiTokens.createdBy,
  creatorRole: memberships.role,
  creatorDisabledAt: users.disabledAt,
};

function tokenFacts(row: {
  role: Role;
  expiresAt: Date;
  revokedAt: Date | null;
  createdBy: string | null;
  creatorRole: Role | null;
  creatorDisabledAt: Date | null;
}): TokenFacts {
  return {
    role: row.role,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    creator: row.createdBy
      ? { role: row.creatorRole, disabled: row.creatorDisabledAt !== null }
      : null,
  };
}

/** The organisation's tokens, active first, with whether each works; never their secrets. */
export async function listApiTokens(ctx: MemberContext, now = new Date()): Promise<ApiTokenDto[]> {
  assertCan(ctx, "tokens:manage");
  const rows = await db
    .select({
      ...tokenColumns,
      createdByName: users.name,
      createdByEmail: users.email,
      ...standingColumns,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, apiTokens.createdBy), eq(memberships.orgId, apiTokens.orgId)),
    )
    .where(eq(apiTokens.orgId, ctx.orgId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    tokenPrefix: row.tokenPrefix,
    createdByName: row.createdByName,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    status: tokenStatus(tokenFacts(row), now),
  }));
}

/** Revokes a token: requests carrying it are refused from now on. */
export async function revokeApiToken(ctx: MemberContext, tokenId: string): Promise<void> {
  assertCan(ctx, "tokens:manage");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(eq(apiTokens.orgId, ctx.orgId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)),
      )
      .returning({ id: apiTokens.id, name: apiTokens.name, role: apiTokens.role });
    if (!row) throw notFound("The API token");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: row.id,
      before: row,
    });
  });
}

/** How often "last used" is written for one token, at most. */
const LAST_USED_EVERY_MS = 60_000;
// When this process last wrote each token's "last used" (kept small: cleared when it grows).
const lastUsedWritten = new Map<string, number>();

/**
 * Records that a token was used, at most once a minute per token: every request writing the
 * same row would make concurrent requests of one token queue on its row lock. The condition in
 * SQL keeps several app instances from writing more often than that either.
 */
async function touchLastUsed(tokenId: string, now: Date): Promise<void> {
  const at = lastUsedWritten.get(tokenId);
  if (at !== undefined && now.getTime() - at < LAST_USED_EVERY_MS) return;
  if (lastUsedWritten.size > 10_000) lastUsedWritten.clear();
  lastUsedWritten.set(tokenId, now.getTime());
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
}

export type TokenAuthentication =
  | { ok: true; ctx: MemberContext }
  | { ok: false; reason: TokenRefusal; expiresAt?: Date };

/**
 * Resolves a bearer token to the member context it acts as: the token's role, never more
 * than its creator's current role. A token that is unknown, revoked or expired, or whose
 * creator was removed, demoted below the token's role or disabled, is refused with the
 * reason.
 */
export async function authenticateApiToken(
  token: string,
  now = new Date(),
): Promise<TokenAuthentication> {
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "unknown" };
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      orgId: apiTokens.orgId,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      currency: organisations.currency,
      dataVersion: organisations.dataVersion,
      ...standingColumns,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, apiTokens.createdBy), eq(memberships.orgId, apiTokens.orgId)),
    )
    .where(eq(apiTokens.tokenHash, sha256(token)));
  if (!row) return { ok: false, reason: "unknown" };
  const facts = tokenFacts(row);
  const status = tokenStatus(facts, now);
  if (status !== "active") return { ok: false, reason: status, expiresAt: row.expiresAt };
  await touchLastUsed(row.id, now);
  const actor: Actor = {
    type: "token",
    tokenId: row.id,
    label: `API token "${row.name}"`,
    createdByUserId: row.createdBy,
  };
  return {
    ok: true,
    ctx: {
      orgId: row.orgId,
      orgSlug: row.orgSlug,
      orgName: row.orgName,
      currency: row.currency,
      role: effectiveTokenRole(facts),
      actor,
      // Read with the token, so the request's cached organisation figures are as fresh as
      // its own view of the database (see internal/org-cache.ts).
      dataVersion: Number(row.dataVersion),
    },
  };
}
