import { UpcomingArea, upcomingAreaMetadata } from "@/components/shell/upcoming-area";

export const metadata = upcomingAreaMetadata("assessments");

export default async function AssessmentsPage({ params }: { params: Promise<{ org: string }> }) {
  return <UpcomingArea area="assessments" orgSlug={(await params).org} />;
}
