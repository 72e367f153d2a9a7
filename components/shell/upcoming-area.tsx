import { Users } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/session";

const AREAS = {
  workshops: {
    title: "Workshops",
    question: "Where do stakeholders disagree about a workflow's readiness?",
    icon: Users,
    body: "Workshops will let a group answer the same questionnaire, show where answers diverge, and turn the agreed answers into an assessment.",
  },
} as const;

export type AreaKey = keyof typeof AREAS;

/** Page title metadata of a product area that later releases fill in. */
export function upcomingAreaMetadata(key: AreaKey): Metadata {
  return { title: `${AREAS[key].title} · Preflight` };
}

/** The page of a product area that later releases fill in (members only). */
export async function UpcomingArea({ area: key, orgSlug }: { area: AreaKey; orgSlug: string }) {
  await requireMember(orgSlug);
  const area = AREAS[key];
  return (
    <>
      <PageHeader title={area.title} description={area.question} />
      <EmptyState icon={area.icon} title="This area opens in a coming release">
        {area.body}
      </EmptyState>
    </>
  );
}
