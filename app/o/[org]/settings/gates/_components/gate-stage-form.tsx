"use client";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";

export type CriterionRow = {
  kind: string;
  label: string;
  enabled: boolean;
  /** Always on: shown for completeness, not switchable. */
  fixed?: boolean;
  /** For thresholds: the value as shown (percentages for rates). */
  value?: number;
  unit?: string;
  roles?: { value: string; label: string; checked: boolean }[];
};

/** The exit criteria of one stage: switch each on or off and set its threshold. */
export function GateStageForm({
  action,
  stage,
  title,
  version,
  rows,
  tuned,
  readOnly,
}: {
  action: FormAction;
  stage: string;
  title: string;
  version: number;
  rows: CriterionRow[];
  tuned: boolean;
  readOnly: boolean;
}) {
  const { action: formAction, pending, errors, error, success } = useFormAction(action);
  return (
    <form
      action={formAction}
      aria-label={title}
      className="grid gap-3"
      data-testid={`gate-form-${stage}`}
    >
      <input type="hidden" name="stage" value={stage} />
      <input type="hidden" name="version" value={version} />
      <fieldset disabled={readOnly || pending} className="grid gap-2">
        <legend className="sr-only">{title}</legend>
        {rows.map((r) => {
          const id = `${stage}-${r.kind}`;
          return (
            <div
              key={r.kind}
              className="grid gap-1 border-b pb-2 last:border-0 sm:grid-cols-[1fr_16rem] sm:items-center"
            >
              <div className="flex items-center gap-2">
                <input
                  id={`${id}-on`}
                  type="checkbox"
                  name={`${r.kind}.enabled`}
                  defaultChecked={r.enabled || r.fixed}
                  disabled={r.fixed}
                  className="size-4 accent-[var(--color-primary)]"
                />
                <label htmlFor={`${id}-on`} className="text-sm">
                  {r.label}
                </label>
              </div>
              <div>
                {r.value !== undefined ? (
                  <div className="flex items-center gap-2">
                    <Input
                      id={`${id}-threshold`}
                      name={`${r.kind}.threshold`}
                      inputMode="decimal"
                      defaultValue={r.value}
                      aria-label={`${r.label}: threshold${r.unit ? ` in ${r.unit}` : ""}`}
                      aria-invalid={errors?.[r.kind] ? true : undefined}
                      className="h-8 w-28"
                    />
                    <span className="text-xs text-muted-foreground">{r.unit}</span>
                  </div>
                ) : null}
                {r.roles ? (
                  <fieldset className="flex flex-wrap gap-3">
                    <legend className="sr-only">{`${r.label}: roles`}</legend>
                    {r.roles.map((role) => (
                      <label key={role.value} className="flex items-center gap-1 text-xs">
                        <input
                          type="checkbox"
                          name={`${r.kind}.${role.value}`}
                          defaultChecked={role.checked}
                          className="size-3.5 accent-[var(--color-primary)]"
                        />
                        {role.label}
                      </label>
                    ))}
                  </fieldset>
                ) : null}
                {errors?.[r.kind] ? (
                  <p className="text-xs text-destructive">{errors[r.kind]?.join(" ")}</p>
                ) : null}
              </div>
            </div>
          );
        })}
      </fieldset>
      {readOnly ? null : (
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? "Saving…" : "Save gate"}
          </Button>
          {tuned ? (
            <Button
              type="submit"
              size="sm"
              variant="outline"
              name="reset"
              value="1"
              disabled={pending}
            >
              Back to defaults
            </Button>
          ) : null}
          <FormMessage error={error} success={success} className="py-1" />
        </div>
      )}
    </form>
  );
}
