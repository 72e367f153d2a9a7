import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { NoAccess } from "@/components/ui/no-access";
import { PageHeader } from "@/components/ui/page-header";
import { listMembers } from "@/db/queries/members";
import { listPilotCandidates } from "@/db/queries/pilot-candidates";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { STAGE_LABELS, STAGES } from "@/lib/domain/stages";
import { StartPilotForm } from "../_components/start-pilot-form";
import { startPilotAction } from "../actions";
import { newPilotQuerySchema } from "../schemas";

export const metadata: Metadata = { title: "Start a pilot · Preflight" };

export default async function NewPilotPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  if (!can(member, "pilot:write"))
    return <NoAccess what="the form that starts a pilot" roles="leads, admins and owners" />;
  const [candidates, members] = await Promise.all([
    listPilotCandidates(member),
    listMembers(member),
  ]);
  const { useCase } = newPilotQuerySchema.parse(await searchParams);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/o/${member.orgSlug}/pilots`}
          className="text-muted-foreground hover:underline"
        >
          ← Pilots
        </Link>
      </p>
      <PageHeader
        title="Start a pilot"
        description="A pilot starts at the stage the latest assessment says is safe. Starting at a later stage needs a written reason."
      />
      <Card className="max-w-3xl">
        {candidates.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No use case can start a pilot yet: a pilot needs a use case with a submitted assessment
            and no pilot already running.{" "}
            <Link className="text-primary hover:underline" href={`/o/${member.orgSlug}/use-cases`}>
              Go to use cases
            </Link>
            .
          </p>
        ) : (
          <StartPilotForm
            action={startPilotAction.bind(null, member.orgSlug)}
            candidates={candidates.map((c) => ({
              id: c.useCaseId,
              name: c.name,
              ownerId: c.ownerId,
              overall: c.overall,
              recommendedStage: c.recommendedStage,
            }))}
            members={members.map((m) => ({ id: m.userId, name: m.name }))}
            stages={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            defaultUseCaseId={candidates.some((c) => c.useCaseId === useCase) ? useCase : undefined}
            today={new Date().toISOString().slice(0, 10)}
          />
        )}
      </Card>
    </>
  );
}
