import Link from "next/link";
import type * as React from "react";

/** A link in the text of a sign-in, sign-up or password page. */
export function AuthLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link className="font-medium text-primary underline-offset-4 hover:underline" href={href}>
      {children}
    </Link>
  );
}

/**
 * The content of a sign-in, sign-up or password page: its title and what it is for, then the
 * form, then (`alternative`) where to go instead, e.g. "Already have an account? Sign in".
 */
export function AuthPage({
  title,
  intro,
  alternative,
  children,
}: {
  title: string;
  intro: React.ReactNode;
  alternative?: { prompt: string; href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <div className="grid gap-5">
      <div>
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{intro}</p>
      </div>
      {children}
      {alternative ? (
        <p className="text-sm text-muted-foreground">
          {alternative.prompt} <AuthLink href={alternative.href}>{alternative.label}</AuthLink>
        </p>
      ) : null}
    </div>
  );
}
