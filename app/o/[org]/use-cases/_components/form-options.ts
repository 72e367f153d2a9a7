import { listMembers } from "@/db/queries/members";
import type { MemberContext } from "@/lib/domain/permissions";
import {
  BUSINESS_VALUE_LABELS,
  USE_CASE_STATUS_LABELS,
  USE_CASE_STATUSES,
} from "@/lib/domain/use-cases";

/** Choices offered by the use case form. */
export async function loadUseCaseFormOptions(member: MemberContext) {
  const members = await listMembers(member);
  return {
    owners: members.map((m) => ({ id: m.userId, name: m.name })),
    statuses: USE_CASE_STATUSES.map((s) => ({ value: s, label: USE_CASE_STATUS_LABELS[s] })),
    values: [1, 2, 3, 4, 5].map((n) => ({
      value: String(n),
      label: BUSINESS_VALUE_LABELS[n] ?? String(n),
    })),
  };
}
