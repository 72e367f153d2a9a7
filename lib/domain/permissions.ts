import { type Role, roleAtLeast, roleRank } from "@/lib/domain/roles";
import { forbidden } from "@/lib/errors";
import type { Currency } from "@/lib/format";

/** Who performs an operation: a signed-in user, an API token, or a command-line script. */
export type Actor =
  | { type: "user"; userId: string; label: string }
  | {
      type: "token";
      tokenId: string;
      label: string;
      /** Who created the token (null for command-line tokens): it acts for them. */
      createdByUserId: string | null;
    }
  | { type: "system"; label: string };

/** A verified member of one organisation; only lib/auth builds these, from the database. */
export type MemberContext = {
  orgId: string;
  orgSlug: string;
  orgName: string;
  /** The organisation's currency: show amounts with `formatMoney(amount, member.currency)`. */
  currency: Currency;
  role: Role;
  actor: Actor;
  /**
   * The organisation's data version when the membership was read: it rises with every change
   * to the organisation's data, so aggregates cached under it are never stale. Only a page
   * request's session lookup sets it; without it every read is fresh.
   */
  dataVersion?: number;
};

const MINIMUM_ROLE = {
  "org:read": "viewer",
  "org:update": "admin",
  /** Download the whole organisation as one document (everything but secrets). */
  "org:export": "owner",
  "members:read": "viewer",
  "members:invite": "admin",
  "members:manage": "admin",
  "tokens:manage": "admin",
  "audit:read": "admin",
  "outbox:read": "owner",
  "usecase:read": "viewer",
  "usecase:write": "contributor",
  "usecase:archive": "lead",
  "assessment:read": "viewer",
  "assessment:answer": "contributor",
  "pilot:read": "viewer",
  "pilot:write": "lead",
  /** Promote past failing gate criteria, or start a pilot beyond what its band allows. */
  "pilot:override": "admin",
  "pilot:signoff": "contributor",
  "pilot:metrics": "contributor",
  "pilot:assumptions": "contributor",
  "gates:manage": "admin",
  "incident:read": "viewer",
  "incident:write": "contributor",
  "workshop:read": "viewer",
  /** Set up workshops, open, pause and close them, lead the room. */
  "workshop:manage": "lead",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof MINIMUM_ROLE;

/** Whether the member's role grants a permission. */
export function can(ctx: Pick<MemberContext, "role">, permission: Permission): boolean {
  return roleAtLeast(ctx.role, MINIMUM_ROLE[permission]);
}

/** Throws a forbidden AppError unless the member's role grants the permission. */
export function assertCan(ctx: Pick<MemberContext, "role">, permission: Permission): void {
  if (!can(ctx, permission)) throw forbidden();
}

/** Nobody grants a role above their own. */
export function assertCanGrant(ctx: Pick<MemberContext, "role">, role: Role): void {
  if (roleRank(role) > roleRank(ctx.role)) {
    throw forbidden("You cannot grant a role above your own.");
  }
}

/** Nobody changes or removes a member whose role is above their own. */
export function assertCanManageMember(ctx: Pick<MemberContext, "role">, targetRole: Role): void {
  if (roleRank(targetRole) > roleRank(ctx.role)) {
    throw forbidden("You cannot change a member whose role is above yours.");
  }
}

/** The user an actor stands for in foreign keys: the signed-in user, or null. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === "user" ? actor.userId : null;
}

/**
 * The person behind an actor, for "nobody approves their own request": a token acts for the
 * user who created it, so that user cannot approve through their token what they asked for.
 */
export function actorPersonKey(actor: Actor): string {
  if (actor.type === "user") return actor.userId;
  if (actor.type === "token") return actor.createdByUserId ?? `token:${actor.tokenId}`;
  return "system";
}
