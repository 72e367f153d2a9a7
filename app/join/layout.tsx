import type * as React from "react";
import { Logo } from "@/components/logo";

/** The participants' pages: no account needed, phone width first. */
export default function JoinLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-3xl flex-col gap-6 px-4 py-6">
      <Logo />
      {children}
    </main>
  );
}
