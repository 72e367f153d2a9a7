import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { findWorkshopByCode, getParticipantView } from "@/db/queries/workshop-participants";
import { currentParticipant } from "@/lib/auth/participant";
import { currentUser } from "@/lib/auth/session";
import { requestAddress } from "@/lib/client-address";
import { type JoinableWorkshop, normaliseJoinCode } from "@/lib/domain/workshops";
import { AppError } from "@/lib/errors";
import { JoinForm } from "../_components/join-form";
import { joinAction } from "../actions";

export const metadata: Metadata = { title: "Join a workshop · Preflight" };

const NOT_OPEN = {
  draft: "This workshop has not started yet. Wait for the facilitator to open it, then reload.",
  paused: "The facilitator has paused the workshop. Wait a moment, then reload.",
  closed: "This workshop has ended and takes no more answers.",
} as const;

function Refused({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="grid max-w-sm gap-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">{children}</p>
      <Link className="text-sm font-medium text-primary hover:underline" href="/join">
        Type another code
      </Link>
    </section>
  );
}

export default async function JoinWorkshopPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: typed } = await params;
  const code = normaliseJoinCode(decodeURIComponent(typed));
  if (!code)
    return <Refused title="That is not a workshop code">Check the code on the screen.</Refused>;
  if (code !== typed) redirect(`/join/${code}`);
  const participant = await currentParticipant();
  if (participant && (await getParticipantView(participant)).joinCode === code) {
    redirect(`/join/${code}/answers`);
  }
  let workshop: JoinableWorkshop;
  try {
    workshop = await findWorkshopByCode(code, requestAddress(await headers()));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Refused title={error.code === "rate_limited" ? "Too many codes tried" : "No workshop found"}>
        {error.code === "rate_limited"
          ? error.message
          : "No workshop has this code. Check the code on the screen."}
      </Refused>
    );
  }
  if (workshop.state !== "open") {
    return <Refused title={workshop.title}>{NOT_OPEN[workshop.state]}</Refused>;
  }
  const user = await currentUser();
  return (
    <section className="grid max-w-sm gap-4">
      <div>
        <p className="text-sm text-muted-foreground">Workshop</p>
        <h1 className="text-xl font-semibold">{workshop.title}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {user
            ? `You join with your account (${user.email}).`
            : "No account needed: you answer on this device, and your answers go to the team running the workshop."}
        </p>
      </div>
      <JoinForm
        action={joinAction.bind(null, code)}
        roleTags={workshop.roleTags}
        name={user?.name ?? ""}
        anonymous={workshop.anonymous}
      />
    </section>
  );
}
