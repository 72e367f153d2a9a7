import { Lock } from "lucide-react";
import { EmptyState } from "./empty-state";

/** Shown instead of a page the member's role does not allow. */
export function NoAccess({ what, roles = "admins and owners" }: { what: string; roles?: string }) {
  return (
    <EmptyState icon={Lock} title="You don't have access to this page">
      Only {roles} can see {what}. Ask an admin if you need it.
    </EmptyState>
  );
}
