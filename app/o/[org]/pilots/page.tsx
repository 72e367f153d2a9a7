import { UpcomingArea, upcomingAreaMetadata } from "@/components/shell/upcoming-area";

export const metadata = upcomingAreaMetadata("pilots");

export default async function PilotsPage({ params }: { params: Promise<{ org: string }> }) {
  return <UpcomingArea area="pilots" orgSlug={(await params).org} />;
}
