import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { listMembers } from "@/db/queries/members";
import { getPilot } from "@/db/queries/pilots";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { found } from "@/lib/pages";
import { EditPilotForm } from "../_components/edit-pilot-form";
import { updatePilotAction } from "../actions";

export const metadata: Metadata = { title: "Edit pilot · Preflight" };

export default async function EditPilotPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  if (!can(member, "pilot:write"))
    return <NoAccess what="the pilot editor" roles="leads, admins and owners" />;
  const [pilot, members] = await found(Promise.all([getPilot(member, id), listMembers(member)]));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/o/${member.orgSlug}/pilots/${id}`}
          className="text-muted-foreground hover:underline"
        >
          ← {pilot.useCaseName}
        </Link>
      </p>
      <PageHeader
        title="Edit pilot"
        description="Stage changes happen on the pilot page, where the gate is checked."
      />
      <Card className="max-w-3xl">
        <EditPilotForm
          action={updatePilotAction.bind(null, member.orgSlug, id)}
          pilot={pilot}
          members={members.map((m) => ({ id: m.userId, name: m.name }))}
        />
      </Card>
    </>
  );
}
