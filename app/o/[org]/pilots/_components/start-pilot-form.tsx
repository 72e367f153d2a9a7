"use client";

import { useState } from "react";
import { Field, fieldProps, TextareaField, TextField } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";
import { MIN_START_JUSTIFICATION, startsLaterThanRecommended } from "@/lib/domain/pilots";
import type { Stage } from "@/lib/domain/stages";
import { OwnerField } from "./owner-field";

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
  action: FormAction;
  candidates: Candidate[];
  members: { id: string; name: string }[];
  stages: { value: Stage; label: string }[];
  defaultUseCaseId?: string;
  today: string;
}) {
  const { action: formAction, pending, errors, values, field, formError } = useFormAction(action);
  const [useCaseId, setUseCaseId] = useState(
    values?.useCaseId ?? defaultUseCaseId ?? candidates[0]?.id ?? "",
  );
  const candidate = candidates.find((c) => c.id === useCaseId);
  const recommended: Stage = candidate?.recommendedStage ?? "proposed";
  const [stage, setStage] = useState<Stage>(
    stages.find((s) => s.value === values?.stage)?.value ?? recommended,
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
        <OwnerField key={useCaseId} {...field("ownerId", candidate?.ownerId)} members={members} />
        <TextField {...field("startDate", today)} label="Start date" type="date" />
        <TextField
          {...field("targetDate")}
          label="Target date for production (optional)"
          type="date"
        />
      </div>
      {later ? (
        <TextareaField
          {...field("justification")}
          label="Why start at a later stage than the assessment recommends?"
          hint={`The assessment recommends starting in ${label(recommended).toLowerCase()}; you chose ${label(stage).toLowerCase()}. Say what makes the later stage safe (at least ${MIN_START_JUSTIFICATION} characters). It is recorded on the pilot's timeline and in the audit log.`}
          rows={3}
          required
        />
      ) : null}
      <TextareaField
        {...field("rollbackPlan")}
        label="Rollback plan"
        hint="How you would switch the AI off and undo what it did: who decides, what gets reverted, how long it takes. Most gates require one."
        rows={4}
      />
      <SubmitRow label="Start pilot" pendingLabel="Starting…" pending={pending} error={formError} />
    </form>
  );
}
