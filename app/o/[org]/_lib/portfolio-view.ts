import { getPortfolioLoopFor } from "@/db/queries/loop";
import { listMembers } from "@/db/queries/members";
import { getPortfolio } from "@/db/queries/portfolio";
import { requireMember } from "@/lib/auth/session";
import type { MemberContext } from "@/lib/domain/permissions";
import { type PortfolioFilters, portfolioFilterSchema } from "@/lib/domain/portfolio";
import { type ListPageProps, readListQuery } from "@/lib/pages";

/** The member behind the dashboard or its report, and the filters its query string sets. */
export async function readPortfolioRequest({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const { filters } = await readListQuery(searchParams, portfolioFilterSchema);
  return { member, filters, base: `/o/${member.orgSlug}` };
}

/**
 * What the dashboard and the portfolio report show for the same filters: the portfolio, the
 * members (the owner filter) and the loop across the portfolio (none for use cases not started).
 */
export async function loadPortfolioView(
  member: MemberContext,
  filters: PortfolioFilters,
  now: Date,
) {
  const [portfolio, members, loop] = await Promise.all([
    getPortfolio(member, filters, now),
    listMembers(member),
    getPortfolioLoopFor(member, filters, now),
  ]);
  return { portfolio, members, loop };
}
