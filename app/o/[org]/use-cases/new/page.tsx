import type { Metadata } from "next";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { loadUseCaseFormOptions } from "../_components/form-options";
import { UseCaseForm } from "../_components/use-case-form";
import { createUseCaseAction } from "../actions";

export const metadata: Metadata = { title: "New use case · Preflight" };

export default async function NewUseCasePage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  if (!can(member, "usecase:write"))
    return <NoAccess what="the use case form" roles="contributors and above" />;
  const options = await loadUseCaseFormOptions(member);
  const self = member.actor.type === "user" ? member.actor.userId : "";
  return (
    <>
      <PageHeader
        title="New use case"
        description="Describe a workflow you are considering handing to AI. You will list its actions next."
      />
      <UseCaseForm
        action={createUseCaseAction.bind(null, member.orgSlug)}
        initial={{
          name: "",
          description: "",
          ownerId: self,
          businessValue: "3",
          annualValue: "",
          systems: "",
          status: "candidate",
        }}
        {...options}
        currency={member.currency}
        submitLabel="Create use case"
        cancelHref={`/o/${member.orgSlug}/use-cases`}
      />
    </>
  );
}
