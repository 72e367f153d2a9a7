import { redirect } from "next/navigation";
import { listUserOrganisations } from "@/db/queries/organisations";
import { requireUser } from "@/lib/auth/session";

/** Sends a signed-in user to their first organisation, or to create one. */
export default async function HomePage() {
  const user = await requireUser();
  const orgs = await listUserOrganisations(user.id);
  redirect(orgs[0] ? `/o/${orgs[0].slug}` : "/orgs/new");
}
