import { getOrganisation } from "@/db/queries/organisations";
import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute(async (ctx) => {
  const org = await getOrganisation(ctx);
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    currency: org.currency,
    createdAt: org.createdAt.toISOString(),
    token: { role: ctx.role },
  };
});
