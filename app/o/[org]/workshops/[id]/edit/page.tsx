import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { optionsOf } from "@/components/ui/input";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { getWorkshop, workshopBank } from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { WORKSHOP_PACE_LABELS, WORKSHOP_PACE_MODES } from "@/lib/domain/workshops";
import { found } from "@/lib/pages";
import { WorkshopForm } from "../../_components/workshop-form";
import { updateWorkshopAction } from "../../actions";

export const metadata: Metadata = { title: "Edit workshop · Preflight" };

export default async function EditWorkshopPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  if (!can(member, "workshop:manage"))
    return <NoAccess what="the workshop set-up" roles="leads and above" />;
  const workshop = await found(getWorkshop(member, id));
  if (workshop.state === "closed") notFound();
  const bank = workshopBank(workshop.bankVersion);
  return (
    <>
      <PageHeader title={`Edit ${workshop.title}`} description={workshop.useCaseName} />
      <WorkshopForm
        action={updateWorkshopAction.bind(null, member.orgSlug, workshop.id)}
        initial={{
          useCaseId: workshop.useCaseId,
          title: workshop.title,
          date: workshop.date,
          dimensions: workshop.dimensions,
          roleTags: workshop.roleTags.join(", "),
          anonymous: workshop.anonymous,
          pace: workshop.pace,
          version: workshop.version,
        }}
        useCases={null}
        dimensions={bank.dimensions.map((d) => ({ id: d.id, title: d.title }))}
        paces={optionsOf(WORKSHOP_PACE_MODES, WORKSHOP_PACE_LABELS)}
        dimensionsLocked={workshop.state !== "draft"}
        submitLabel="Save workshop"
        cancelHref={`/o/${member.orgSlug}/workshops/${workshop.id}`}
      />
    </>
  );
}
