import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, organisations, users } from "@/db/schema";
import { type Actor, assertCan, assertCanGrant, type MemberContext } from "@/lib/auth/permissions";
import { randomSecret, sha256 } from "@/lib/crypto";
import type { Role } from "@/lib/domain/roles";
import { notFound } from "@/lib/errors";
import { writeAudit } from "./audit";

export const TOKEN_PREFIX = "pf_";

export type ApiTokenDto = {
  id: string;
  name: string;
  role: Role;
  tokenPrefix: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/**
 * Creates an API token for the organisation. The token itself is returned only here;
 * only its hash is stored.
 */
export async function createApiToken(
  ctx: MemberContext,
  input: { name: string; role: Role },
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  assertCan(ctx, "tokens:manage");
  assertCanGrant(ctx, input.role);
  const token = randomSecret(TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        orgId: ctx.orgId,
        name: input.name,
        role: input.role,
        tokenHash: sha256(token),
        tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        role: apiTokens.role,
        tokenPrefix: apiTokens.tokenPrefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      });
    if (!row) throw new Error("insert returned no row");
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      after: { name: row.name, role: row.role, tokenPrefix: row.tokenPrefix },
    });
    return { token, apiToken: { ...row, createdByName: ctx.actor.label } };
  });
}

/** The organisation's tokens, active first; never their secrets. */
export async function listApiTokens(ctx: MemberContext): Promise<ApiTokenDto[]> {
  assertCan(ctx, "tokens:manage");
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      tokenPrefix: apiTokens.tokenPrefix,
      createdByName: users.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.orgId, ctx.orgId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, desc(apiTokens.createdAt));
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

/** Resolves a bearer token to the member context it acts as, or null if unknown or revoked. */
export async function authenticateApiToken(token: string): Promise<MemberContext | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)))
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      role: apiTokens.role,
      orgId: apiTokens.orgId,
      createdBy: apiTokens.createdBy,
    });
  if (!row) return null;
  const [org] = await db
    .select({ slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, row.orgId));
  if (!org) return null;
  const actor: Actor = {
    type: "token",
    tokenId: row.id,
    label: `API token "${row.name}"`,
    createdByUserId: row.createdBy,
  };
  return { orgId: row.orgId, orgSlug: org.slug, orgName: org.name, role: row.role, actor };
}
