"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { DropdownMenu } from "radix-ui";

type Org = { slug: string; name: string; role: string };

/** Lets people who belong to several organisations move between them. */
export function OrgSwitcher({ current, orgs }: { current: Org; orgs: Org[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex w-full items-center justify-between gap-2 rounded-md border px-2.5 py-1.5 text-left text-sm hover:bg-muted"
        aria-label={`Organisation: ${current.name}. Switch organisation`}
      >
        <span className="min-w-0">
          <span className="block truncate font-medium">{current.name}</span>
          <span className="block text-xs text-muted-foreground capitalize">{current.role}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-56 rounded-md border bg-card p-1 text-sm shadow-md"
        >
          <DropdownMenu.Label className="px-2 py-1.5 text-xs text-muted-foreground">
            Organisations
          </DropdownMenu.Label>
          {orgs.map((org) => (
            <DropdownMenu.Item key={org.slug} asChild>
              <Link
                href={`/o/${org.slug}`}
                className="flex items-center justify-between gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-muted"
              >
                <span className="truncate">{org.name}</span>
                {org.slug === current.slug ? (
                  <Check className="size-4" aria-label="current" />
                ) : null}
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item asChild>
            <Link
              href="/orgs/new"
              className="flex items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-muted"
            >
              <Plus className="size-4" aria-hidden /> New organisation
            </Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
