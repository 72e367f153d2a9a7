"use client";

import { SelectField, TextareaField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/action-result";
import {
  type ConsensusAnswer,
  DONT_KNOW_VALUE,
  type QuestionAggregate,
} from "@/lib/domain/workshops";
import { consensusPrefill } from "@/lib/domain/workshops/aggregates";

/**
 * The answer the room agreed on for one question, with a note where it disagreed: starts from
 * what was recorded, or from the most common answer.
 */
export function ConsensusForm({
  action,
  question: q,
  recorded,
}: {
  action: FormAction;
  question: QuestionAggregate;
  recorded: ConsensusAnswer | undefined;
}) {
  const { action: formAction, pending, field, error, success } = useFormAction(action);
  const prefill = consensusPrefill(q);
  const initial = recorded
    ? recorded.dontKnow
      ? DONT_KNOW_VALUE
      : recorded.optionId
    : prefill
      ? "dontKnow" in prefill
        ? DONT_KNOW_VALUE
        : prefill.optionId
      : "";
  return (
    <form action={formAction} className="grid gap-2 border-t pt-3" data-testid="consensus-form">
      <input type="hidden" name="questionId" value={q.questionId} />
      <SelectField
        {...field("answer", initial)}
        id={`consensus-${q.questionId}`}
        label={`The room's answer${recorded ? " (recorded)" : prefill ? " (the most common, to confirm)" : ""}`}
        options={[
          ...q.options.map((o) => ({ value: o.optionId, label: o.label })),
          { value: DONT_KNOW_VALUE, label: "Don't know" },
        ]}
      >
        <option value="">Choose the agreed answer</option>
      </SelectField>
      <TextareaField
        {...field("note", recorded?.note)}
        id={`consensus-note-${q.questionId}`}
        label="Note (optional): where the room disagreed, and why this answer"
        rows={2}
        maxLength={1000}
      />
      <SubmitRow
        label="Record"
        pending={pending}
        error={error}
        success={success}
        variant="outline"
      />
    </form>
  );
}
