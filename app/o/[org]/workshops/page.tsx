import { UpcomingArea, upcomingAreaMetadata } from "@/components/shell/upcoming-area";

export const metadata = upcomingAreaMetadata("workshops");

export default async function WorkshopsPage({ params }: { params: Promise<{ org: string }> }) {
  return <UpcomingArea area="workshops" orgSlug={(await params).org} />;
}
