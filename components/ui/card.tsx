import type * as React from "react";
import { cn } from "@/lib/utils";

export function Card({ className, ...props }: React.ComponentProps<"section">) {
  return <section className={cn("min-w-0 rounded-lg border bg-card p-5", className)} {...props} />;
}

type CardHeaderProps = {
  title: string;
  description?: React.ReactNode;
  action?: React.ReactNode;
  headingLevel?: 2 | 3;
  /** The heading's id, for a section labelled by it. */
  id?: string;
};

export function CardHeader({ title, description, action, headingLevel = 2, id }: CardHeaderProps) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
      <div>
        <H id={id} className="text-base font-semibold">
          {title}
        </H>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action}
    </div>
  );
}

/** A card named by its heading: the section is labelled by the `CardHeader` title it opens with. */
export function TitledCard({
  headingId,
  title,
  description,
  action,
  children,
  ...props
}: Omit<React.ComponentProps<"section">, "title"> &
  Omit<CardHeaderProps, "id" | "headingLevel"> & { headingId: string }) {
  return (
    <Card aria-labelledby={headingId} {...props}>
      <CardHeader id={headingId} title={title} description={description} action={action} />
      {children}
    </Card>
  );
}
