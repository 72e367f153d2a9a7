import { UpcomingArea, upcomingAreaMetadata } from "@/components/shell/upcoming-area";

export const metadata = upcomingAreaMetadata("use-cases");

export default async function UseCasesPage({ params }: { params: Promise<{ org: string }> }) {
  return <UpcomingArea area="use-cases" orgSlug={(await params).org} />;
}
