"use client";

import {
  Briefcase,
  ClipboardCheck,
  GraduationCap,
  LayoutDashboard,
  Menu,
  Rocket,
  Settings,
  Siren,
  Users,
  X,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav-items";

const ICONS = {
  "layout-dashboard": LayoutDashboard,
  briefcase: Briefcase,
  "clipboard-check": ClipboardCheck,
  rocket: Rocket,
  siren: Siren,
  "graduation-cap": GraduationCap,
  users: Users,
  settings: Settings,
} as const;

/** Left navigation; on narrow screens it folds behind a menu button. */
export function AppNav({ orgSlug }: { orgSlug: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const base = `/o/${orgSlug}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button
        type="button"
        className="inline-flex items-center gap-2 rounded-md border px-3 py-1.5 text-sm md:hidden"
        aria-expanded={open}
        aria-controls="app-nav"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
        Menu
      </button>
      <nav id="app-nav" aria-label="Main" className={cn("md:block", open ? "block" : "hidden")}>
        <ul className="grid gap-0.5">
          {NAV_ITEMS.map((item) => {
            const href = `${base}${item.href}`;
            const active = item.href === "" ? pathname === base : pathname.startsWith(href);
            const Icon = ICONS[item.icon as keyof typeof ICONS];
            return (
              <li key={item.label}>
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground",
                    active && "bg-muted font-medium text-foreground",
                  )}
                >
                  <Icon className="size-4" aria-hidden />
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
