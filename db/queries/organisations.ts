import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { memberships, organisations } from "@/db/schema";
import { type Actor, assertCan, type MemberContext } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/roles";
import { conflict, notFound } from "@/lib/errors";
import type { Currency } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { writeAudit } from "./internal/audit";

export type OrganisationDto = {
  id: string;
  slug: string;
  name: string;
  /** ISO 4217 code every amount of the organisation is in. */
  currency: Currency;
  version: number;
  createdAt: Date;
};

const orgColumns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  currency: organisations.currency,
  version: organisations.version,
  createdAt: organisations.createdAt,
};

/** Finds a slug nobody uses yet, starting from the preferred one. */
async function availableSlug(tx: Executor, preferred: string): Promise<string> {
  const base = slugify(preferred) || "org";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, 36)}-${n}`;
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, candidate));
    if (!taken) return candidate;
  }
  throw conflict("Could not find a free address for this organisation; choose another name.");
}

/**
 * Creates an organisation with its first owner, in the caller's transaction.
 * With `exactSlug` the slug must be free (command line); otherwise one is derived from the name.
 */
export async function createOrganisation(
  tx: Executor,
  actor: Actor,
  input: { name: string; ownerUserId: string; slug?: string; exactSlug?: boolean },
): Promise<OrganisationDto> {
  let slug: string;
  if (input.exactSlug && input.slug) {
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, input.slug));
    if (taken) throw conflict(`An organisation with the slug "${input.slug}" already exists.`);
    slug = input.slug;
  } else {
    slug = await availableSlug(tx, input.slug ?? input.name);
  }
  const [org] = await tx
    .insert(organisations)
    .values({ name: input.name, slug })
    .returning(orgColumns);
  if (!org) throw new Error("insert returned no row");
  const [membership] = await tx
    .insert(memberships)
    .values({ orgId: org.id, userId: input.ownerUserId, role: "owner" })
    .returning({ id: memberships.id, userId: memberships.userId, role: memberships.role });
  await writeAudit(tx, org.id, actor, {
    action: "organisation.created",
    entityType: "organisation",
    entityId: org.id,
    after: { name: org.name, slug: org.slug },
  });
  await writeAudit(tx, org.id, actor, {
    action: "member.added",
    entityType: "membership",
    entityId: membership?.id,
    after: membership,
  });
  return org;
}

/** Creates an organisation in its own transaction (the signed-in user becomes its owner). */
export async function createOrganisationForUser(
  actor: Extract<Actor, { type: "user" }>,
  name: string,
): Promise<OrganisationDto> {
  return db.transaction((tx) => createOrganisation(tx, actor, { name, ownerUserId: actor.userId }));
}

export type UserMembershipDto = { orgId: string; slug: string; name: string; role: Role };

/** The organisations a user belongs to, by name. */
export async function listUserOrganisations(userId: string): Promise<UserMembershipDto[]> {
  return db
    .select({
      orgId: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.name));
}

/** The user's membership in the organisation with this slug, or null (not a member, or no such org). */
export async function findMembership(userId: string, orgSlug: string) {
  const [row] = await db
    .select({
      orgId: organisations.id,
      orgSlug: organisations.slug,
      orgName: organisations.name,
      currency: organisations.currency,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.userId, userId), eq(organisations.slug, orgSlug)));
  return row ?? null;
}

/** The caller's organisation. */
export async function getOrganisation(ctx: MemberContext): Promise<OrganisationDto> {
  assertCan(ctx, "org:read");
  const [org] = await db
    .select(orgColumns)
    .from(organisations)
    .where(eq(organisations.id, ctx.orgId));
  if (!org) throw notFound("The organisation");
  return org;
}

/**
 * Changes the organisation's name and, when given, its currency (amounts are relabelled, not
 * converted); refuses if someone else changed it since `version` was read.
 */
export async function updateOrganisation(
  ctx: MemberContext,
  input: { name: string; currency?: Currency; version: number },
): Promise<OrganisationDto> {
  assertCan(ctx, "org:update");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(orgColumns)
      .from(organisations)
      .where(eq(organisations.id, ctx.orgId));
    if (!before) throw notFound("The organisation");
    const [after] = await tx
      .update(organisations)
      .set({
        name: input.name,
        ...(input.currency ? { currency: input.currency } : {}),
        version: sql`${organisations.version} + 1`,
      })
      .where(and(eq(organisations.id, ctx.orgId), eq(organisations.version, input.version)))
      .returning(orgColumns);
    if (!after) {
      throw conflict(
        "Someone else changed these settings since you opened them. Reload to see their change, then try again.",
      );
    }
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "organisation.updated",
      entityType: "organisation",
      entityId: ctx.orgId,
      before: { name: before.name, currency: before.currency },
      after: { name: after.name, currency: after.currency },
    });
    return after;
  });
}

/**
 * The verified context in which a user acts in an organisation, read from the database,
 * or null when they are not a member (a foreign organisation looks the same as a missing one).
 */
export async function memberContext(
  user: { id: string; email: string },
  orgSlug: string,
): Promise<MemberContext | null> {
  const membership = await findMembership(user.id, orgSlug);
  if (!membership) return null;
  return {
    orgId: membership.orgId,
    orgSlug: membership.orgSlug,
    orgName: membership.orgName,
    currency: membership.currency,
    role: membership.role,
    actor: { type: "user", userId: user.id, label: user.email },
  };
}
