import { LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import type * as React from "react";
import { resendVerificationAction } from "@/app/account/actions";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { Logo } from "@/components/logo";
import { AppNav } from "@/components/shell/app-nav";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { isEmailVerified } from "@/db/queries/users";
import { requireMemberSession } from "@/lib/auth/session";
import { mailDelivery } from "@/lib/mail/send";
import { signOutAction } from "./actions";

export default async function OrganisationLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ org: string }>;
}) {
  const { org } = await params;
  const { member, user, organisations: orgs } = await requireMemberSession(org);
  return (
    <div className="app-shell min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="flex flex-col gap-4 border-b bg-muted/50 p-3 md:sticky md:top-0 md:h-dvh md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2 px-1">
          <Logo />
          <ThemeToggle />
        </div>
        <OrgSwitcher
          current={{ slug: member.orgSlug, name: member.orgName, role: member.role }}
          orgs={orgs.map((o) => ({ slug: o.slug, name: o.name, role: o.role }))}
        />
        <AppNav orgSlug={member.orgSlug} />
        <div className="mt-auto hidden border-t pt-3 md:block">
          <p className="truncate px-1 text-sm font-medium">{user.name}</p>
          <p className="truncate px-1 text-xs text-muted-foreground">{user.email}</p>
          <Link
            href="/account"
            className="mt-2 flex w-full items-center gap-2 rounded-md px-1 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            <UserRound className="size-4" aria-hidden /> Account
          </Link>
          <form action={signOutAction}>
            <button
              type="submit"
              className="flex w-full items-center gap-2 rounded-md px-1 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground"
            >
              <LogOut className="size-4" aria-hidden /> Sign out
            </button>
          </form>
        </div>
      </aside>
      <main id="main" className="min-w-0 p-4 md:p-8">
        {isEmailVerified(user) ? null : (
          <VerifyEmailBanner
            email={user.email}
            outbox={mailDelivery() === "outbox"}
            resendAction={resendVerificationAction}
          />
        )}
        {children}
        <p className="mt-10 border-t pt-4 text-sm md:hidden">
          <Link className="text-muted-foreground underline" href="/account">
            Your account
          </Link>
        </p>
        <form action={signOutAction} className="mt-2 md:hidden">
          <button type="submit" className="text-sm text-muted-foreground underline">
            Sign out ({user.email})
          </button>
        </form>
      </main>
    </div>
  );
}
