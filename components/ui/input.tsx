import type * as React from "react";
import { cn } from "@/lib/utils";

export const inputClass =
  "h-9 w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs placeholder:text-muted-foreground disabled:opacity-50 aria-invalid:border-destructive";

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return <input className={cn(inputClass, className)} {...props} />;
}

/**
 * A native select. An uncontrolled one is remounted when its default changes: React sets an
 * option's default selection only on mount, and a form action resets the form to those
 * defaults, so without this a refused submit would lose the choice the form echoes back.
 */
export function Select({
  className,
  options,
  children,
  ...props
}: React.ComponentProps<"select"> & {
  /** Options after `children` (a placeholder option, say). */
  options?: readonly { value: string | number; label: string }[];
}) {
  return (
    <select
      key={props.defaultValue === undefined ? undefined : String(props.defaultValue)}
      className={cn(inputClass, "pr-8", className)}
      {...props}
    >
      {children}
      {options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** `{ value, label }` options from an enum's values and their labels. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}

export function Textarea({ className, ...props }: React.ComponentProps<"textarea">) {
  return <textarea className={cn(inputClass, "h-auto min-h-20 py-2", className)} {...props} />;
}

export function Label({ className, ...props }: React.ComponentProps<"label">) {
  // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor
  return <label className={cn("text-sm font-medium", className)} {...props} />;
}

/** A checkbox with its label beside it (the label wraps it, so a click on the text ticks it). */
export function CheckboxItem({
  label,
  className,
  ...props
}: Omit<React.ComponentProps<"input">, "type"> & { label: React.ReactNode }) {
  return (
    <label className={cn("flex items-start gap-2 text-sm", className)}>
      <input
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 accent-[var(--color-primary)]"
        {...props}
      />
      {label}
    </label>
  );
}
