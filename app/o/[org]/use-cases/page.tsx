import { Briefcase, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Label, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { listMembers } from "@/db/queries/members";
import { listUseCases } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { USE_CASE_STATUS_LABELS, USE_CASE_STATUSES } from "@/lib/domain/use-cases";
import { formatDate } from "@/lib/format";
import { firstValues } from "@/lib/pages";
import { useCaseListFilterSchema } from "./schemas";

export const metadata: Metadata = { title: "Use cases · Preflight" };

const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export default async function UseCasesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember((await params).org);
  const raw = firstValues(await searchParams);
  const filters = useCaseListFilterSchema.parse(raw);
  const [items, members] = await Promise.all([
    listUseCases(member, {
      q: filters.q,
      status: filters.status,
      ownerId: filters.owner,
      archived: filters.archived,
    }),
    listMembers(member),
  ]);
  const base = `/o/${member.orgSlug}/use-cases`;
  const filtered = Boolean(filters.q || filters.status || filters.owner || filters.archived);
  const newButton = can(member, "usecase:write") ? (
    <Button asChild>
      <Link href={`${base}/new`}>
        <Plus aria-hidden /> New use case
      </Link>
    </Button>
  ) : null;
  return (
    <>
      <PageHeader
        title="Use cases"
        description="Which AI workflows are candidates for production, and what would they do?"
        action={newButton}
      />
      <Card className="mb-4">
        <form
          method="get"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto_auto] lg:items-end"
        >
          <div className="grid gap-1.5">
            <Label htmlFor="f-q">Search</Label>
            <Input
              id="f-q"
              name="q"
              type="search"
              placeholder="Name, description or system"
              defaultValue={filters.q}
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-status">Status</Label>
            <Select id="f-status" name="status" defaultValue={filters.status ?? ""}>
              <option value="">Any status</option>
              {USE_CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {USE_CASE_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="f-owner">Owner</Label>
            <Select id="f-owner" name="owner" defaultValue={filters.owner ?? ""}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </Select>
          </div>
          <label className="flex h-9 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="archived"
              value="1"
              defaultChecked={filters.archived}
              className="size-4"
            />
            Archived
          </label>
          <div className="flex gap-2">
            <Button type="submit">Apply</Button>
            {filtered ? (
              <Button asChild variant="ghost">
                <Link href={base}>Clear</Link>
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
      {items.length === 0 ? (
        filtered ? (
          <EmptyState icon={Briefcase} title="No use cases match">
            Try other filters, or clear them to see every use case.
          </EmptyState>
        ) : (
          <EmptyState icon={Briefcase} title="No use cases yet" action={newButton}>
            A use case is a workflow you might hand to AI: triaging tickets, issuing refunds,
            updating records. Describe one, list the actions the AI would take, then assess its
            readiness.
          </EmptyState>
        )
      ) : (
        <Card className="p-0">
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Use cases</caption>
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th scope="col" className="px-5 py-2 font-medium">
                    Use case
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Owner
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Value (1–5)
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Annual value
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    Updated
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.id} className="border-b last:border-0 hover:bg-muted/50">
                    <td className="px-5 py-2.5">
                      <Link href={`${base}/${u.id}`} className="font-medium hover:underline">
                        {u.name}
                      </Link>
                      {u.systems.length ? (
                        <p className="text-xs text-muted-foreground">{u.systems.join(" · ")}</p>
                      ) : null}
                    </td>
                    <td className="px-3 py-2.5">{u.ownerName ?? "—"}</td>
                    <td className="px-3 py-2.5">
                      <Badge>{USE_CASE_STATUS_LABELS[u.status]}</Badge>
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{u.businessValue}</td>
                    <td className="px-3 py-2.5 text-right tabular-nums">
                      {u.annualValue === null ? "—" : money.format(u.annualValue)}
                    </td>
                    <td className="px-5 py-2.5 text-muted-foreground">{formatDate(u.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
