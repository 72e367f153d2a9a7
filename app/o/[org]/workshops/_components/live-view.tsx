"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { NumbersTable } from "@/components/ui/numbers-table";
import type { FormAction } from "@/lib/action-result";
import { CHART_COLORS } from "@/lib/chart-colors";
import type {
  ConsensusAnswer,
  Distribution,
  HeatMapRow,
  QuestionAggregate,
  WorkshopComment,
} from "@/lib/domain/workshops";
import {
  mostChosen,
  SPLIT_DISAGREEMENT,
  sortByDisagreement,
} from "@/lib/domain/workshops/aggregates";
import { type PackedWorkshopLive, unpackWorkshopLive } from "@/lib/domain/workshops/packed";
import { formatDateTime, formatNumber } from "@/lib/format";
import { ConsensusForm } from "./consensus-form";
import { useLiveWorkshop } from "./use-live-workshop";

type Order = "disagreement" | "questionnaire";

/**
 * The facilitator's live view: the heat map of role divergence, then each question's answers,
 * disagreement, split by role tag and comments, refreshed every two seconds.
 */
export function LiveView({
  url,
  initial,
  consensus = [],
  recordAction,
}: {
  url: string;
  /** The numbers as the page rendered them, packed (`packWorkshopLive`). */
  initial: PackedWorkshopLive;
  /** The room's answers recorded so far. */
  consensus?: ConsensusAnswer[];
  /** Given to those who may record the room's answers, while they may. */
  recordAction?: FormAction;
}) {
  const first = useMemo(() => unpackWorkshopLive(initial), [initial]);
  const { live, problem } = useLiveWorkshop(url, first);
  const [order, setOrder] = useState<Order>("disagreement");
  const titles = new Map(live.progress.map((p) => [p.dimensionId, p.title]));
  const questions = order === "disagreement" ? sortByDisagreement(live.questions) : live.questions;
  const answered = live.questions.reduce((sum, q) => sum + q.scored + q.dontKnow, 0);
  return (
    <div className="grid gap-6">
      <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="live-summary">
        {live.participants} joined · {answered} answers
        {live.lastAnswerAt ? ` · last at ${formatDateTime(live.lastAnswerAt)}` : ""}
        {problem ? <span className="ml-2 text-warning">{problem}</span> : null}
      </p>
      <HeatMap rows={live.heatMap} />
      <section aria-labelledby="questions-heading" className="grid gap-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="questions-heading" className="text-base font-semibold">
            Answers by question
          </h2>
          <fieldset className="flex flex-wrap items-center gap-3 text-sm">
            <legend className="sr-only">Order of the questions</legend>
            {(["disagreement", "questionnaire"] as const).map((o) => (
              <label key={o} className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="question-order"
                  value={o}
                  checked={order === o}
                  onChange={() => setOrder(o)}
                  className="size-4 accent-[var(--color-primary)]"
                />
                {o === "disagreement" ? "Most disagreement first" : "Questionnaire order"}
              </label>
            ))}
          </fieldset>
        </div>
        <ol className="grid gap-4" data-testid="live-questions">
          {questions.map((q) => (
            <li key={q.questionId}>
              <QuestionCard
                question={q}
                dimension={titles.get(q.dimensionId) ?? ""}
                comments={live.comments.filter((c) => c.questionId === q.questionId)}
                recorded={consensus.find((c) => c.questionId === q.questionId)}
                recordAction={recordAction}
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** A disagreement in words and figures: "0.71 (high)". */
export function describeDisagreement(value: number | null): string {
  if (value === null) return "not enough answers";
  const level = value >= 0.6 ? "high" : value >= SPLIT_DISAGREEMENT ? "some" : "low";
  return `${formatNumber(value, 2)} (${level})`;
}

function QuestionCard({
  question: q,
  dimension,
  comments,
  recorded,
  recordAction,
}: {
  question: QuestionAggregate;
  dimension: string;
  comments: WorkshopComment[];
  recorded: ConsensusAnswer | undefined;
  recordAction: FormAction | undefined;
}) {
  const headingId = `q-${q.questionId}`;
  // The form is drawn when the facilitator turns to this question: twenty open forms would
  // make the page heavy and long, and it starts from the answers as they are when opened.
  const [recording, setRecording] = useState(false);
  return (
    <Card aria-labelledby={headingId} className="grid gap-4" data-question={q.questionId}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs text-muted-foreground">{dimension}</p>
          <h3 id={headingId} className="font-medium">
            {q.prompt}
          </h3>
        </div>
        <p className="text-sm" data-testid="disagreement">
          <span className="text-muted-foreground">Disagreement </span>
          <span className="font-semibold tabular-nums">{describeDisagreement(q.disagreement)}</span>
        </p>
      </div>
      <OptionBars distribution={q} />
      {q.byRole.length > 0 ? <RoleSplit question={q} /> : null}
      {comments.length > 0 ? (
        <div>
          <h4 className="mb-1 text-sm font-medium">Comments</h4>
          <ul className="grid gap-1 text-sm">
            {comments.map((c) => (
              <li key={`${c.author}-${c.updatedAt}`}>
                <span className="text-muted-foreground">
                  {c.author}
                  {c.roleTag ? ` (${c.roleTag})` : ""}:
                </span>{" "}
                {c.comment}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {recorded || recordAction ? (
        <div className="grid gap-2 border-t pt-3">
          {recorded ? (
            <p className="text-sm" data-testid="consensus">
              <span className="text-muted-foreground">The room's answer: </span>
              {recorded.dontKnow
                ? "Don't know"
                : (q.options.find((o) => o.optionId === recorded.optionId)?.label ?? "—")}
              {recorded.note ? (
                <span className="text-muted-foreground"> · {recorded.note}</span>
              ) : null}
            </p>
          ) : null}
          {recordAction ? (
            <div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                aria-expanded={recording}
                aria-controls={`consensus-${q.questionId}-form`}
                onClick={() => setRecording(!recording)}
              >
                {recording
                  ? "Hide the room's answer form"
                  : recorded
                    ? "Change the room's answer"
                    : "Set the room's answer"}
              </Button>
            </div>
          ) : null}
          {recordAction && recording ? (
            <div id={`consensus-${q.questionId}-form`}>
              <ConsensusForm action={recordAction} question={q} recorded={recorded} />
            </div>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

/** One small bar per option, "don't know" apart below them (styled in globals.css). */
function OptionBars({ distribution: d }: { distribution: Distribution }) {
  const most = Math.max(1, ...d.options.map((o) => o.count), d.dontKnow);
  const row = (key: string, label: string, count: number, muted = false) => (
    <li key={key} className={muted ? "muted" : undefined}>
      <span>{label}</span>
      <span aria-hidden>
        <span style={{ width: `${(count / most) * 100}%` }} />
      </span>
      <span>{count}</span>
    </li>
  );
  return (
    <ul className="option-bars" aria-label="Answers per option">
      {d.options.map((o) => row(o.optionId, o.label, o.count))}
      {row("dont-know", "Don't know", d.dontKnow, true)}
    </ul>
  );
}

/** Answers by role tag, folded: drawn when opened. */
function RoleSplit({ question: q }: { question: QuestionAggregate }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm text-primary">
        Answers by role tag ({q.byRole.length} {q.byRole.length === 1 ? "role" : "roles"})
      </summary>
      {open ? (
        <NumbersTable
          caption="Answers by role tag"
          head={["Role", "Most chose", "Answers", "Disagreement"]}
          textColumns={2}
          rows={q.byRole.map((r) => [
            r.roleTag,
            mostChosen(r)?.label ?? "—",
            `${r.scored}${r.dontKnow ? ` + ${r.dontKnow} don't know` : ""}`,
            r.disagreement === null ? "—" : formatNumber(r.disagreement, 2),
          ])}
          testId="role-split"
        />
      ) : null}
    </details>
  );
}

/** Dimension × role tag: how far each role stands from the rest of the room, as a table. */
function HeatMap({ rows }: { rows: HeatMapRow[] }) {
  const tags = rows[0]?.cells.map((c) => c.roleTag) ?? [];
  if (tags.length === 0) return null;
  return (
    <Card aria-labelledby="heat-heading">
      <h2 id="heat-heading" className="text-base font-semibold">
        Where each role stands apart
      </h2>
      <p className="mt-1 mb-3 text-sm text-muted-foreground">
        How far a role's answers are from the rest of the room, by dimension: 0 the same, 1 at the
        opposite end of the scale. Darker cells are where to ask questions.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="heat-map">
          <caption className="sr-only">Divergence of each role tag by dimension</caption>
          <thead>
            <tr className="text-left text-xs text-muted-foreground">
              <th scope="col" className="py-1 pr-2 font-medium">
                Dimension
              </th>
              {tags.map((t) => (
                <th key={t} scope="col" className="px-1 py-1 text-center font-medium">
                  {t}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.dimensionId} className="border-t">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {r.title}
                </th>
                {r.cells.map((c) => (
                  <td
                    key={c.roleTag}
                    className="px-1 py-1 text-center tabular-nums"
                    style={{
                      background:
                        c.divergence === null
                          ? undefined
                          : `color-mix(in oklch, ${CHART_COLORS.reading.warned} ${Math.round(c.divergence * 60)}%, transparent)`,
                    }}
                  >
                    {c.divergence === null ? "—" : formatNumber(c.divergence, 2)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
