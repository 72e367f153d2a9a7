import { listAuditEvents } from "@/db/queries/audit";
import { apiRoute, parseQuery } from "@/lib/api/handler";
import { auditQuerySchema } from "@/lib/api/schemas";

export const GET = apiRoute(async (ctx, request) => {
  const q = parseQuery(request, auditQuerySchema);
  const page = await listAuditEvents(ctx, {
    ...q,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  });
  return {
    data: page.events.map((e) => ({
      id: e.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actor: e.actorType === "user" ? (e.actorEmail ?? e.actorLabel) : e.actorLabel,
      actorType: e.actorType,
      actorUserId: e.actorUserId,
      actorTokenId: e.actorTokenId,
      actorEmail: e.actorEmail,
      actorName: e.actorName,
      before: e.before,
      after: e.after,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
});
