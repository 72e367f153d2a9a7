import type { Metadata } from "next";
import { CodeForm } from "./_components/code-form";
import { enterCodeAction } from "./actions";

export const metadata: Metadata = { title: "Join a workshop · Preflight" };

export default function JoinPage() {
  return (
    <section className="grid max-w-sm gap-4">
      <div>
        <h1 className="text-xl font-semibold">Join a workshop</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          No account needed: type the code on the facilitator's screen.
        </p>
      </div>
      <CodeForm action={enterCodeAction} />
    </section>
  );
}
