"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldProps } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionState } from "@/lib/action-result";
import { MIN_START_JUSTIFICATION, startsLaterThanRecommended } from "@/lib/domain/pilots";
import type { Stage } from "@/lib/domain/stages";

type Candidate = {
  id: string;
  name: string;
  ownerId: string | null;
  overall: number | null;
  recommendedStage: Stage;
};

/** Starts a pilot; asks for a justification only when the chosen stage is past the recommended one. */
export function StartPilotForm({
  action,
  candidates,
  members,
  stages,
  defaultUseCaseId,
  today,
}: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  candidates: Candidate[];
  members: { id: string; name: string }[];
  stages: { value: Stage; label: string }[];
  defaultUseCaseId?: string;
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  const [useCaseId, setUseCaseId] = useState(
    v?.useCaseId ?? defaultUseCaseId ?? candidates[0]?.id ?? "",
  );
  const candidate = candidates.find((c) => c.id === useCaseId);
  const recommended: Stage = candidate?.recommendedStage ?? "proposed";
  const [stage, setStage] = useState<Stage>(
    stages.find((s) => s.value === v?.stage)?.value ?? recommended,
  );
  const later = startsLaterThanRecommended(stage, recommended);
  const label = (value: string) => stages.find((s) => s.value === value)?.label ?? value;

  return (
    <form action={formAction} className="grid gap-5" noValidate aria-label="Start a pilot">
      <Field
        id="useCaseId"
        label="Use case"
        hint={
          candidate
            ? `Latest assessment: ${candidate.overall ?? "—"} / 100, recommends starting in ${label(recommended).toLowerCase()}.`
            : undefined
        }
        errors={errors?.useCaseId}
      >
        <Select
          {...fieldProps("useCaseId", errors?.useCaseId, true)}
          value={useCaseId}
          onChange={(e) => {
            setUseCaseId(e.target.value);
            const next = candidates.find((c) => c.id === e.target.value);
            setStage(next?.recommendedStage ?? "proposed");
          }}
        >
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="stage" label="Starting stage" errors={errors?.stage}>
          <Select
            {...fieldProps("stage", errors?.stage)}
            value={stage}
            onChange={(e) => setStage(e.target.value as Stage)}
          >
            {stages.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
                {s.value === recommended ? " (recommended)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="ownerId" label="Owner" errors={errors?.ownerId}>
          <Select
            {...fieldProps("ownerId", errors?.ownerId)}
            key={useCaseId}
            defaultValue={v?.ownerId ?? candidate?.ownerId ?? ""}
          >
            <option value="">Nobody yet</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="startDate" label="Start date" errors={errors?.startDate}>
          <Input
            {...fieldProps("startDate", errors?.startDate)}
            type="date"
            defaultValue={v?.startDate ?? today}
          />
        </Field>
        <Field
          id="targetDate"
          label="Target date for production (optional)"
          errors={errors?.targetDate}
        >
          <Input
            {...fieldProps("targetDate", errors?.targetDate)}
            type="date"
            defaultValue={v?.targetDate}
          />
        </Field>
      </div>
      {later ? (
        <Field
          id="justification"
          label="Why start at a later stage than the assessment recommends?"
          hint={`The assessment recommends starting in ${label(recommended).toLowerCase()}; you chose ${label(stage).toLowerCase()}. Say what makes the later stage safe (at least ${MIN_START_JUSTIFICATION} characters). It is recorded on the pilot's timeline and in the audit log.`}
          errors={errors?.justification}
        >
          <Textarea
            {...fieldProps("justification", errors?.justification, true)}
            rows={3}
            defaultValue={v?.justification}
            required
          />
        </Field>
      ) : null}
      <Field
        id="rollbackPlan"
        label="Rollback plan"
        hint="How you would switch the AI off and undo what it did: who decides, what gets reverted, how long it takes. Most gates require one."
        errors={errors?.rollbackPlan}
      >
        <Textarea
          {...fieldProps("rollbackPlan", errors?.rollbackPlan, true)}
          rows={4}
          defaultValue={v?.rollbackPlan}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start pilot"}
        </Button>
        <FormMessage
          error={state?.ok === false && !errors ? state.error : null}
          className="py-1.5"
        />
      </div>
    </form>
  );
}
