import type { UseCaseDto } from "@/db/queries/use-cases";

/** The API shape of a use case (dates as ISO strings). */
export function serializeUseCase(u: UseCaseDto) {
  return {
    ...u,
    archivedAt: u.archivedAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
