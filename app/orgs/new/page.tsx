import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { listUserOrganisations } from "@/db/queries/organisations";
import { requireUser } from "@/lib/auth/session";
import { CreateOrganisationForm } from "./_components/create-org-form";

export const metadata: Metadata = { title: "New organisation · Preflight" };

export default async function NewOrganisationPage() {
  const user = await requireUser();
  const orgs = await listUserOrganisations(user.id);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-muted px-4 py-10">
      <Logo />
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
      </div>
    </main>
  );
}
