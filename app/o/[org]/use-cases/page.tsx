import { Briefcase, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CsvDownloadLink } from "@/components/ui/csv-download-link";
import { type Column, DataTable, parseSort } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import {
  FilterBar,
  type FilterField,
  isFiltered,
  ownerFilter,
  searchFilter,
  selectFilter,
} from "@/components/ui/filter-bar";
import { optionsOf } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { listMembers } from "@/db/queries/members";
import { listUseCases, type UseCaseDto } from "@/db/queries/use-cases";
import { requireMember } from "@/lib/auth/session";
import { can } from "@/lib/domain/permissions";
import { USE_CASE_STATUS_LABELS, USE_CASE_STATUSES } from "@/lib/domain/use-cases";
import { formatDate, formatMoney } from "@/lib/format";
import { type ListPageProps, readListQuery } from "@/lib/pages";
import { toUseCaseFilters, useCaseListFilterSchema } from "./schemas";

export const metadata: Metadata = { title: "Use cases · Preflight" };

const SORT_KEYS = ["updated", "name", "value", "annualValue"] as const;

export default async function UseCasesPage({ params, searchParams }: ListPageProps) {
  const member = await requireMember((await params).org);
  const { raw, filters } = await readListQuery(searchParams, useCaseListFilterSchema);
  const sort = parseSort(raw, SORT_KEYS, { key: "updated", dir: "desc" });
  const [items, members] = await Promise.all([
    listUseCases(member, toUseCaseFilters(filters)),
    listMembers(member),
  ]);
  const base = `/o/${member.orgSlug}/use-cases`;
  const fields: FilterField[] = [
    searchFilter("Name, description or system"),
    selectFilter(
      "status",
      "Status",
      "Any status",
      optionsOf(USE_CASE_STATUSES, USE_CASE_STATUS_LABELS),
    ),
    ownerFilter(members),
    { kind: "checkbox", name: "archived", label: "Archived" },
  ];
  const filtered = isFiltered(fields, filters);
  const newButton = can(member, "usecase:write") ? (
    <ButtonLink href={`${base}/new`}>
      <Plus aria-hidden /> New use case
    </ButtonLink>
  ) : null;
  const columns: Column<UseCaseDto>[] = [
    {
      key: "name",
      header: "Use case",
      rowHeader: true,
      sortValue: (u) => u.name,
      cell: (u) => (
        <>
          <Link href={`${base}/${u.id}`} className="hover:underline">
            {u.name}
          </Link>
          {u.systems.length ? (
            <p className="text-xs font-normal text-muted-foreground">{u.systems.join(" · ")}</p>
          ) : null}
        </>
      ),
    },
    { key: "owner", header: "Owner", cell: (u) => u.ownerName ?? "—" },
    {
      key: "status",
      header: "Status",
      cell: (u) => <Badge>{USE_CASE_STATUS_LABELS[u.status]}</Badge>,
    },
    {
      key: "value",
      header: "Value (1–5)",
      align: "right",
      firstDir: "desc",
      sortValue: (u) => u.businessValue,
      cell: (u) => u.businessValue,
    },
    {
      key: "annualValue",
      header: `Annual value (${member.currency})`,
      align: "right",
      firstDir: "desc",
      sortValue: (u) => u.annualValue,
      cell: (u) => formatMoney(u.annualValue, member.currency),
    },
    {
      key: "updated",
      header: "Updated",
      firstDir: "desc",
      sortValue: (u) => u.updatedAt,
      className: "text-muted-foreground",
      cell: (u) => formatDate(u.updatedAt),
    },
  ];
  return (
    <>
      <PageHeader
        title="Use cases"
        description="Which AI workflows are candidates for production, and what would they do?"
        action={
          <div className="flex flex-wrap items-center gap-2">
            {items.length > 0 ? <CsvDownloadLink href={`${base}/export.csv`} params={raw} /> : null}
            {newButton}
          </div>
        }
      />
      <FilterBar
        label="Filter use cases"
        clearHref={base}
        keep={{ sort: raw.sort, dir: raw.dir }}
        fields={fields}
        values={filters}
      />
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
          <DataTable
            caption="Use cases"
            columns={columns}
            rows={items}
            sort={{ state: sort, pathname: base, params: raw }}
            stackOnPhones
            inset
          />
        </Card>
      )}
    </>
  );
}
