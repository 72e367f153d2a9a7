import { type Role, roleRank } from "./roles";

/** The lifetimes offered when a token is created in the app, in days. */
export const TOKEN_LIFETIME_CHOICES = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
export const MAX_TOKEN_LIFETIME_DAYS = 365;

const DAY_MS = 86_400_000;

/** Why a token of ours no longer works. */
const TOKEN_STOPPED = [
  "revoked",
  "expired",
  "creator_disabled",
  "creator_removed",
  "creator_demoted",
] as const;

/**
 * Whether a token works, and if not, why. A token works only while its creator is an
 * enabled member of its organisation with a role at least the token's; demoted below
 * it, the token stops rather than silently acting with less.
 */
export const TOKEN_STATUSES = ["active", ...TOKEN_STOPPED] as const;

export type TokenStatus = (typeof TOKEN_STATUSES)[number];

/** Why the API refuses a bearer token: not one of ours, or not working any more. */
export const TOKEN_REFUSALS = ["unknown", ...TOKEN_STOPPED] as const;

export type TokenRefusal = (typeof TOKEN_REFUSALS)[number];

export type TokenFacts = {
  role: Role;
  expiresAt: Date;
  revokedAt: Date | null;
  /**
   * The creator as they are now: `null` for command-line tokens, which belong to no member;
   * `role: null` when the creator is no longer a member of the token's organisation.
   */
  creator: { role: Role | null; disabled: boolean } | null;
};

/** Whole days from 1 to 365. */
export function isValidTokenLifetime(days: number): boolean {
  return Number.isInteger(days) && days >= 1 && days <= MAX_TOKEN_LIFETIME_DAYS;
}

/** When a token created at `createdAt` with a lifetime of `days` stops working. */
export function tokenExpiry(createdAt: Date, days: number): Date {
  return new Date(createdAt.getTime() + days * DAY_MS);
}

/** Whether a token works at `now`; the first reason that stops it wins. */
export function tokenStatus(token: TokenFacts, now: Date): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt.getTime() <= now.getTime()) return "expired";
  if (token.creator) {
    if (token.creator.disabled) return "creator_disabled";
    if (token.creator.role === null) return "creator_removed";
    if (roleRank(token.creator.role) < roleRank(token.role)) return "creator_demoted";
  }
  return "active";
}

/** The role an active token acts with: its own, never more than its creator's current role. */
export function effectiveTokenRole(token: TokenFacts): Role {
  const creatorRole = token.creator?.role;
  if (!creatorRole) return token.role;
  return roleRank(creatorRole) < roleRank(token.role) ? creatorRole : token.role;
}
