import Link from "next/link";
import { can, type MemberContext } from "@/lib/domain/permissions";
import { cn } from "@/lib/utils";

type Tab = { href: string; label: string };

/** Sub-navigation of the settings area; admin- and owner-only tabs are left out for other roles. */
export function SettingsTabs({
  member,
  current,
}: {
  member: Pick<MemberContext, "orgSlug" | "role">;
  current: "general" | "members" | "gates" | "tokens" | "audit" | "outbox";
}) {
  const base = `/o/${member.orgSlug}/settings`;
  const isAdmin = can(member, "audit:read");
  const isOwner = can(member, "outbox:read");
  const tabs: (Tab & { key: typeof current })[] = [
    { key: "general", href: base, label: "General" },
    { key: "members", href: `${base}/members`, label: "Members" },
    { key: "gates", href: `${base}/gates`, label: "Gates" },
    ...(isAdmin
      ? [
          { key: "tokens" as const, href: `${base}/tokens`, label: "API tokens" },
          { key: "audit" as const, href: `${base}/audit`, label: "Audit log" },
        ]
      : []),
    ...(isOwner ? [{ key: "outbox" as const, href: `${base}/outbox`, label: "Outbox" }] : []),
  ];
  return (
    <nav aria-label="Settings" className="mb-6 flex gap-1 overflow-x-auto border-b">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 border-transparent px-3 py-2 text-sm whitespace-nowrap text-muted-foreground hover:text-foreground",
            tab.key === current && "border-primary font-medium text-foreground",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
