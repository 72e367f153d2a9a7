import { listMembers } from "@/db/queries/members";
import { apiRoute } from "@/lib/api/handler";

export const GET = apiRoute(async (ctx) => {
  const members = await listMembers(ctx);
  return {
    data: members.map(({ version: _version, joinedAt, ...m }) => ({
      ...m,
      joinedAt: joinedAt.toISOString(),
    })),
  };
});
