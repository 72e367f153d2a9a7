import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { memberContext } from "@/db/queries/organisations";
import { getActiveUser, type UserDto } from "@/db/queries/users";
import { auth } from "./index";
import type { MemberContext } from "./permissions";

/** The signed-in, enabled user; anyone else is sent to the sign-in page. */
export const requireUser = cache(async (): Promise<UserDto> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/sign-in");
  // The session token alone is not trusted: a disabled or deleted user loses access here.
  const user = await getActiveUser(userId);
  if (!user) redirect("/sign-in?reason=inactive");
  return user;
});

/** The signed-in user's membership in an organisation; a non-member gets "not found". */
export const requireMember = cache(async (orgSlug: string): Promise<MemberContext> => {
  const user = await requireUser();
  const ctx = await memberContext(user, orgSlug);
  if (!ctx) notFound();
  return ctx;
});
