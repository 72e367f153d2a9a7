import { eq, sql } from "drizzle-orm";
import { type DatabaseKind, databaseKind, db } from "@/db";
import { organisations } from "@/db/schema";
import type { MemberContext } from "@/lib/domain/permissions";
import { notFound } from "@/lib/errors";

/**
 * An owner-level context for command-line administration (the operator of the
 * installation). Never reachable from a request.
 */
export async function systemContext(orgSlug: string, label: string): Promise<MemberContext> {
  const [org] = await db
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.slug, orgSlug));
  if (!org) throw notFound(`The organisation "${orgSlug}"`);
  return {
    orgId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
    role: "owner",
    actor: { type: "system", label },
  };
}

/** A real round trip to the database, for the health check. */
export async function pingDatabase(): Promise<DatabaseKind> {
  await db.execute(sql`select 1`);
  return databaseKind();
}
