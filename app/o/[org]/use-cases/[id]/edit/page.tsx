import type { Metadata } from "next";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getUseCase } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { formatNumber } from "@/lib/format";
import { found } from "@/lib/pages";
import { loadUseCaseFormOptions } from "../../_components/form-options";
import { UseCaseForm } from "../../_components/use-case-form";
import { updateUseCaseAction } from "../../actions";

export const metadata: Metadata = { title: "Edit use case · Preflight" };

export default async function EditUseCasePage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  if (!can(member, "usecase:write"))
    return <NoAccess what="the use case form" roles="contributors and above" />;
  const [useCase, options] = await Promise.all([
    found(getUseCase(member, id)),
    loadUseCaseFormOptions(member),
  ]);
  const base = `/o/${member.orgSlug}/use-cases/${id}`;
  return (
    <>
      <PageHeader title={`Edit “${useCase.name}”`} />
      <UseCaseForm
        action={updateUseCaseAction.bind(null, member.orgSlug, id)}
        initial={{
          name: useCase.name,
          description: useCase.description,
          ownerId: useCase.ownerId ?? "",
          businessValue: String(useCase.businessValue),
          annualValue: useCase.annualValue === null ? "" : formatNumber(useCase.annualValue, 0),
          systems: useCase.systems.join(", "),
          status: useCase.status,
          version: useCase.version,
        }}
        {...options}
        currency={member.currency}
        submitLabel="Save changes"
        cancelHref={base}
      />
    </>
  );
}
