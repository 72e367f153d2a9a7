import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { addInventoryAction } from "@/db/queries/inventory";
import { createOrganisation } from "@/db/queries/organisations";
import { systemContext } from "@/db/queries/system";
import { createUseCase, listUseCases } from "@/db/queries/use-cases";
import {
  createUser,
  findUserByEmail,
  markEmailVerified,
  setUserPassword,
} from "@/db/queries/users";
import { memberships, organisations } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/domain/roles";
import { seedDemoAssessments } from "./demo-assessments";
import { DEMO_USE_CASES } from "./demo-content";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_EMAIL = "demo@example.com";
export const DEFAULT_DEMO_PASSWORD = "preflight-demo";

const PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: DEMO_EMAIL, name: "Dana Demo", role: "owner" },
  { email: "lead@example.com", name: "Priya Lead", role: "lead" },
  { email: "contributor@example.com", name: "Sam Contributor", role: "contributor" },
  { email: "viewer@example.com", name: "Alex Viewer", role: "viewer" },
];

const actor = { type: "system" as const, label: "demo seed" };

/**
 * Why the demo seed will not run here, or null when it may. Its accounts get a published
 * password, so a production server needs an explicit yes: `--allow-production` or
 * PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION=1.
 */
export function demoSeedRefusal(
  env: Record<string, string | undefined>,
  args: Record<string, string | true>,
): string | null {
  if (env.NODE_ENV !== "production") return null;
  if (args["allow-production"] === true || env.PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION === "1") {
    return null;
  }
  return (
    "NODE_ENV=production: the demo seed creates demo@example.com and three other accounts " +
    "with a published password (or DEMO_PASSWORD), so it does not run in production unless " +
    "asked explicitly. If this really is a demo server, run it again with --allow-production " +
    "(npm run db:seed -- --allow-production) or set PREFLIGHT_ALLOW_DEMO_IN_PRODUCTION=1."
  );
}

/**
 * Creates (or brings up to date) the demo organisation and its people. Safe to run
 * any number of times: existing rows are kept, missing ones added, passwords reset.
 */
export async function seedDemo(password: string): Promise<{ orgId: string; created: boolean }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const person of PEOPLE) {
      const existing = await findUserByEmail(person.email, tx);
      // The demo addresses are not real mailboxes: they count as verified.
      const user =
        existing ?? (await createUser(tx, { ...person, passwordHash, emailVerified: true }));
      if (!user) throw new Error(`could not create ${person.email}`);
      if (existing) {
        await setUserPassword(existing.id, passwordHash, tx);
        await markEmailVerified(tx, existing.id);
      }
      userIds.set(person.email, user.id);
    }
    const [existingOrg] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, DEMO_ORG_SLUG));
    const ownerId = userIds.get(DEMO_EMAIL)!;
    const orgId =
      existingOrg?.id ??
      (
        await createOrganisation(tx, actor, {
          name: "Northwind Logistics (demo)",
          slug: DEMO_ORG_SLUG,
          exactSlug: true,
          ownerUserId: ownerId,
        })
      ).id;
    for (const person of PEOPLE) {
      const userId = userIds.get(person.email)!;
      const [member] = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
      if (!member) await tx.insert(memberships).values({ orgId, userId, role: person.role });
    }
    return { orgId, created: !existingOrg };
  });
}

/**
 * Adds the demo use cases and their inventories, once: a use case that already exists
 * (by name) is left as it is, so people's edits to the demo survive a re-seed.
 */
export async function seedDemoUseCases(): Promise<number> {
  const ctx = await systemContext(DEMO_ORG_SLUG, "demo seed");
  const existing = new Set((await listUseCases(ctx)).map((u) => u.name));
  let added = 0;
  for (const { actions, ownerEmail, ...useCase } of DEMO_USE_CASES) {
    if (existing.has(useCase.name)) continue;
    const owner = await findUserByEmail(ownerEmail);
    const created = await createUseCase(ctx, { ...useCase, ownerId: owner?.id ?? null });
    for (const action of actions) await addInventoryAction(ctx, created.id, action);
    await seedDemoAssessments(ctx, created.id, useCase.name);
    added++;
  }
  return added;
}
