import { Rocket, Siren, Users } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMember } from "@/lib/auth/session";

const AREAS = {
  pilots: {
    title: "Pilots",
    question: "Where does each pilot stand on its way to production?",
    icon: Rocket,
    body: "Pilots will move from sandbox to shadow, supervised, limited production and production, with gates checked against run metrics and incidents.",
  },
  incidents: {
    title: "Incidents",
    question: "What went wrong in pilots, how fast was it caught, and what did it cost?",
    icon: Siren,
    body: "Incidents will be logged by severity and category, with detection, acknowledgement and resolution times and their trends.",
  },
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
