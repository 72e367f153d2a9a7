import type { Metadata } from "next";
import Link from "next/link";
import { resendVerificationAction } from "@/app/account/actions";
import { VerifyEmailBanner } from "@/components/account/verify-email-banner";
import { Logo } from "@/components/logo";
import { listUserOrganisations } from "@/db/queries/organisations";
import { isEmailVerified } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { mailDelivery } from "@/lib/mail/send";
import { CreateOrganisationForm } from "./_components/create-org-form";

export const metadata: Metadata = { title: "New organisation · Preflight" };

export default async function NewOrganisationPage() {
  const user = await requireUser();
  const orgs = await listUserOrganisations(user.id);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted px-4 py-10">
      <Logo />
      {isEmailVerified(user) ? null : (
        <div className="w-full max-w-sm">
          <VerifyEmailBanner
            email={user.email}
            outbox={mailDelivery() === "outbox"}
            resendAction={resendVerificationAction}
          />
        </div>
      )}
      <div className="grid w-full max-w-sm gap-5 rounded-lg border bg-card p-6 shadow-sm">
        <div>
          <h1 className="text-xl font-semibold">Create an organisation</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {orgs.length === 0
              ? "You are not a member of any organisation yet. Create one, or open an invitation link from a colleague."
              : "You will be its owner and can invite colleagues."}
          </p>
        </div>
        <CreateOrganisationForm />
        {orgs[0] ? (
          <Link className="text-sm text-primary hover:underline" href={`/o/${orgs[0].slug}`}>
            Back to {orgs[0].name}
          </Link>
        ) : null}
        <Link className="text-sm text-primary hover:underline" href="/account">
          Your account
        </Link>
      </div>
    </main>
  );
}
