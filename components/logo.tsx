import { PlaneTakeoff } from "lucide-react";

export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-semibold tracking-tight">
      <PlaneTakeoff aria-hidden="true" className="size-5 text-primary" />
      Preflight
    </span>
  );
}
