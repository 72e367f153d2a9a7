import type { Metadata } from "next";
import QRCode from "qrcode";
import { getWorkshop, getWorkshopLive } from "@/db/queries/workshops";
import { requireMember } from "@/lib/auth/session";
import { formatJoinCode } from "@/lib/domain/workshops";
import { publicOrigin } from "@/lib/origin";
import { found } from "@/lib/pages";
import { PresenterProgress } from "../../_components/presenter-progress";

export const metadata: Metadata = { title: "Presenter view · Preflight" };

/** For the projector: the code to type, a QR code of the join link, and the room's progress. */
export default async function PresenterPage({
  params,
}: {
  params: Promise<{ org: string; id: string }>;
}) {
  const { org, id } = await params;
  const member = await requireMember(org);
  const workshop = await found(getWorkshop(member, id));
  const [live, origin] = await Promise.all([getWorkshopLive(member, id), publicOrigin()]);
  const joinLink = `${origin}/join/${workshop.joinCode}`;
  // Rendered here as SVG: nothing is sent to a third party, and no script draws it.
  const qr = await QRCode.toString(joinLink, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="grid gap-8">
      <h1 className="text-2xl font-semibold tracking-tight sm:text-4xl">{workshop.title}</h1>
      <div className="grid items-center gap-8 md:grid-cols-[1fr_auto]">
        <div className="grid gap-3">
          <p className="text-lg sm:text-2xl">
            Go to <strong className="break-all">{origin}/join</strong> and type
          </p>
          <p
            className="font-mono text-5xl font-bold tracking-widest sm:text-8xl"
            data-testid="presenter-code"
          >
            {formatJoinCode(workshop.joinCode)}
          </p>
          <p className="text-muted-foreground">or scan the code with your phone's camera.</p>
        </div>
        {/* biome-ignore lint/performance/noImgElement: an inline SVG data URL, nothing to optimise */}
        <img
          src={`data:image/svg+xml;utf8,${encodeURIComponent(qr)}`}
          alt={`QR code of the join link ${joinLink}`}
          className="size-56 rounded-lg bg-white p-2 sm:size-72"
          data-testid="presenter-qr"
        />
      </div>
      <PresenterProgress
        url={`/o/${member.orgSlug}/workshops/${workshop.id}/live.json`}
        initial={live}
      />
    </div>
  );
}
