import { Lock } from "lucide-react";
import { EmptyState } from "./empty-state";

/** Shown instead of a page the member's role does not allow. */
export function NoAccess({ what }: { what: string }) {
  return (
    <EmptyState icon={Lock} title="You don't have access to this page">
      Only admins and owners can see {what}. Ask one of them if you need it.
    </EmptyState>
  );
}
