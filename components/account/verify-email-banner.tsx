import Link from "next/link";
import type { ActionState } from "@/lib/action-result";
import { ResendVerificationForm } from "./resend-verification-form";

/** Shown on every page to someone who has not verified their email address yet. */
export function VerifyEmailBanner({
  email,
  outbox,
  resendAction,
}: {
  email: string;
  /** No mail server is configured: the message is on the account page instead. */
  outbox: boolean;
  resendAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    // A notice, not part of the page's outline: no heading element.
    <section
      aria-label="Verify your email"
      data-testid="verify-email-banner"
      className="mb-6 grid gap-2 rounded-md border border-warning/40 bg-warning/5 p-4 text-sm"
    >
      <p className="font-semibold">Verify your email</p>
      {outbox ? (
        <p>
          Open the link that confirms <strong>{email}</strong> is yours; until then you cannot join
          organisations you are invited to. No mail server is configured, so it was not emailed: it
          is on{" "}
          <Link className="font-medium text-primary hover:underline" href="/account">
            your account page
          </Link>
          .
        </p>
      ) : (
        <p>
          We sent a link to <strong>{email}</strong>. Open it to confirm the address is yours; until
          then you cannot join organisations you are invited to.
        </p>
      )}
      <ResendVerificationForm action={resendAction} />
    </section>
  );
}
