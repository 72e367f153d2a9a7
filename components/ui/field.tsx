import type * as React from "react";
import { Input, Label, Select, Textarea } from "./input";

/** A labelled form control with its hint and error, wired for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: React.ReactNode;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-destructive" data-testid={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** ARIA attributes for a control rendered inside <Field>. */
export function fieldProps(id: string, errors?: string[], hint?: boolean) {
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    name: id,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

type FieldOf<C extends React.ElementType> = Omit<React.ComponentProps<C>, "id" | "name"> & {
  name: string;
  /** The control's id, when two forms on a page have a field of the same name. */
  id?: string;
  label: string;
  hint?: string;
  errors?: string[];
};

/** A labelled text input with its hint and error: the common case of <Field> + <Input>. */
export function TextField({
  name,
  id = name,
  label,
  hint,
  errors,
  ...input
}: FieldOf<typeof Input>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Input {...fieldProps(id, errors, Boolean(hint))} name={name} {...input} />
    </Field>
  );
}

/** A labelled textarea with its hint and error. */
export function TextareaField({
  name,
  id = name,
  label,
  hint,
  errors,
  ...textarea
}: FieldOf<typeof Textarea>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Textarea {...fieldProps(id, errors, Boolean(hint))} name={name} {...textarea} />
    </Field>
  );
}

/** A labelled select with its hint and error; `children` go before `options` (a placeholder). */
export function SelectField({
  name,
  id = name,
  label,
  hint,
  errors,
  ...select
}: FieldOf<typeof Select>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <Select {...fieldProps(id, errors, Boolean(hint))} name={name} {...select} />
    </Field>
  );
}
