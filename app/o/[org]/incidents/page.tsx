import { UpcomingArea, upcomingAreaMetadata } from "@/components/shell/upcoming-area";

export const metadata = upcomingAreaMetadata("incidents");

export default async function IncidentsPage({ params }: { params: Promise<{ org: string }> }) {
  return <UpcomingArea area="incidents" orgSlug={(await params).org} />;
}
