/** Membership roles, from most to least powerful. */
export const ROLES = ["owner", "admin", "lead", "contributor", "viewer"] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  lead: "Lead",
  contributor: "Contributor",
  viewer: "Viewer",
};

const RANK: Record<Role, number> = { owner: 5, admin: 4, lead: 3, contributor: 2, viewer: 1 };

/** Numeric rank of a role: higher means more powerful. */
export function roleRank(role: Role): number {
  return RANK[role];
}

/** True when `role` is at least as powerful as `minimum`. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}
