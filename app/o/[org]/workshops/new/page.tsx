import type { Metadata } from "next";
import { optionsOf } from "@/components/ui/input";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { listUseCases } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { CURRENT_QUESTION_BANK_VERSION, getQuestionBank } from "@/lib/domain/question-bank";
import {
  DEFAULT_ROLE_TAGS,
  WORKSHOP_PACE_LABELS,
  WORKSHOP_PACE_MODES,
} from "@/lib/domain/workshops";
import { formatIsoDate } from "@/lib/format";
import { WorkshopForm } from "../_components/workshop-form";
import { createWorkshopAction } from "../actions";

export const metadata: Metadata = { title: "New workshop · Preflight" };

export default async function NewWorkshopPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<{ useCase?: string }>;
}) {
  const member = await requireMember((await params).org);
  if (!can(member, "workshop:manage"))
    return <NoAccess what="the workshop set-up" roles="leads and above" />;
  const [useCases, { useCase }] = await Promise.all([listUseCases(member), searchParams]);
  const bank = getQuestionBank(CURRENT_QUESTION_BANK_VERSION)!;
  return (
    <>
      <PageHeader
        title="New workshop"
        description="A room answers the questionnaire together, each on their own screen; you see where they disagree."
      />
      <WorkshopForm
        action={createWorkshopAction.bind(null, member.orgSlug)}
        initial={{
          useCaseId: useCases.some((u) => u.id === useCase) ? (useCase ?? "") : "",
          title: "",
          date: formatIsoDate(new Date()),
          dimensions: bank.dimensions.map((d) => d.id),
          roleTags: DEFAULT_ROLE_TAGS.join(", "),
          anonymous: false,
          pace: "self_paced",
        }}
        useCases={useCases.map((u) => ({ id: u.id, name: u.name }))}
        dimensions={bank.dimensions.map((d) => ({ id: d.id, title: d.title }))}
        paces={optionsOf(WORKSHOP_PACE_MODES, WORKSHOP_PACE_LABELS)}
        submitLabel="Create workshop"
        cancelHref={`/o/${member.orgSlug}/workshops`}
      />
    </>
  );
}
