import { Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getUseCase } from "@/db/queries/use-cases";
import { can } from "@/lib/auth/permissions";
import { requireMember } from "@/lib/auth/session";
import { BUSINESS_VALUE_LABELS, USE_CASE_STATUS_LABELS } from "@/lib/domain/use-cases";
import { formatDateTime } from "@/lib/format";
import { found } from "@/lib/pages";
import { setArchivedAction } from "../actions";
import { ArchiveButton } from "./_components/archive-button";

export const metadata: Metadata = { title: "Use case · Preflight" };

const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export default async function UseCasePage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const useCase = await found(getUseCase(member, id));
  const base = `/o/${member.orgSlug}/use-cases/${id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link
          href={`/o/${member.orgSlug}/use-cases`}
          className="text-muted-foreground hover:underline"
        >
          ← Use cases
        </Link>
      </p>
      <PageHeader
        title={useCase.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge>{USE_CASE_STATUS_LABELS[useCase.status]}</Badge>
            {useCase.archivedAt ? <Badge tone="warning">Archived</Badge> : null}
            <span>Owner: {useCase.ownerName ?? "nobody yet"}</span>
          </span>
        }
        action={
          <div className="flex items-start gap-2">
            {can(member, "usecase:write") ? (
              <Button asChild variant="outline">
                <Link href={`${base}/edit`}>
                  <Pencil aria-hidden /> Edit
                </Link>
              </Button>
            ) : null}
            {can(member, "usecase:archive") ? (
              <ArchiveButton
                action={setArchivedAction.bind(null, member.orgSlug, id, !useCase.archivedAt)}
                archived={Boolean(useCase.archivedAt)}
              />
            ) : null}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="About this workflow" />
          <p className="text-sm whitespace-pre-wrap">
            {useCase.description || (
              <span className="text-muted-foreground">No description yet.</span>
            )}
          </p>
        </Card>
        <Card>
          <dl className="grid gap-3 text-sm">
            <div>
              <dt className="text-muted-foreground">Business value</dt>
              <dd className="font-medium">{BUSINESS_VALUE_LABELS[useCase.businessValue]}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Annual value estimate</dt>
              <dd className="font-medium tabular-nums">
                {useCase.annualValue === null
                  ? "Not estimated"
                  : `${money.format(useCase.annualValue)} per year`}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Systems touched</dt>
              <dd>
                {useCase.systems.length ? (
                  <ul className="mt-1 flex flex-wrap gap-1">
                    {useCase.systems.map((s) => (
                      <li key={s}>
                        <Badge>{s}</Badge>
                      </li>
                    ))}
                  </ul>
                ) : (
                  "None listed"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Last changed</dt>
              <dd>{formatDateTime(useCase.updatedAt)}</dd>
            </div>
          </dl>
        </Card>
      </div>
    </>
  );
}
