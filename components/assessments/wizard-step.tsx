"use client";

import { Check, CircleAlert, LoaderCircle } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { WizardQuestion } from "./wizard-question";

export type WizardAnswer = {
  optionId: string | null;
  dontKnow: boolean;
  evidence: string | null;
  revision: number | null;
};

/** One answer change the wizard sends as it autosaves. */
export type WizardSavePayload = {
  questionId: string;
  optionId: string | null;
  dontKnow: boolean;
  evidence: string | null;
  /** The revision the change is based on, where answers have revisions. */
  basedOnRevision: number | null;
};

/** What a save answers: the new revision and the questions that now apply, or why it failed. */
export type WizardSaveResult =
  | { ok: true; revision: number; applicable: string[] }
  | { ok: false; error: string };

/** The words of the free-text field under each question, and of the steps' navigation. */
export type WizardWording = {
  navLabel: string;
  evidenceLabel: string;
  evidencePlaceholder: string;
};

const ASSESSMENT_WORDING: WizardWording = {
  navLabel: "Assessment steps",
  evidenceLabel:
    "Evidence (optional): a link or a document or ticket reference counts in full, a note by half",
  evidencePlaceholder: "e.g. https://wiki/runbook, OPS-142, or who confirmed it",
};

type SaveState = {
  status: "idle" | "unsaved" | "saving" | "saved" | "error";
  message?: string;
};

const DONT_KNOW = "__dont_know__";

const isAnswered = (a: WizardAnswer | undefined) => Boolean(a && (a.optionId || a.dontKnow));

/** What a save sends, as one comparable string. */
function signature(a: WizardAnswer): string {
  return JSON.stringify([a.dontKnow ? null : a.optionId, a.dontKnow, (a.evidence ?? "").trim()]);
}

/**
 * One step (dimension) of the questionnaire wizard: an assessment's, or a workshop
 * participant's. Every choice is saved as it is made, and "Saved" shows only once the server
 * confirmed it; questions that depend on answers appear and disappear as the server reports
 * what applies.
 */
export function WizardStep({
  save,
  stepId,
  questions,
  allQuestions,
  steps,
  initialAnswers,
  initialApplicable,
  prevHref,
  nextHref,
  nextLabel,
  wording = ASSESSMENT_WORDING,
}: {
  save: (payload: WizardSavePayload) => Promise<WizardSaveResult>;
  stepId: string;
  questions: WizardQuestion[];
  allQuestions: { id: string; dimensionId: string }[];
  steps: { id: string; title: string; href: string }[];
  initialAnswers: Record<string, WizardAnswer>;
  initialApplicable: string[];
  prevHref: string | null;
  nextHref: string;
  nextLabel: string;
  wording?: WizardWording;
}) {
  const router = useRouter();
  const [answers, setAnswers] = useState(initialAnswers);
  const [applicable, setApplicable] = useState(() => new Set(initialApplicable));
  const [saveStates, setSaveStates] = useState<Record<string, SaveState>>({});
  const revisions = useRef<Record<string, number | null>>(
    Object.fromEntries(Object.entries(initialAnswers).map(([id, a]) => [id, a.revision])),
  );
  // Saves of one question run one after another, so each is based on the revision before it.
  const queues = useRef<Record<string, Promise<void>>>({});
  // What the server last confirmed, per question: "Saved" shows only when the page matches it.
  const confirmed = useRef<Record<string, string>>(
    Object.fromEntries(Object.entries(initialAnswers).map(([id, a]) => [id, signature(a)])),
  );
  const latest = useRef<Record<string, WizardAnswer>>(initialAnswers);
  const failed = useRef<Set<string>>(new Set());

  const persist = useCallback(
    (questionId: string, answer: WizardAnswer) => {
      setSaveStates((s) => ({ ...s, [questionId]: { status: "saving" } }));
      const run = async () => {
        const result = await save({
          questionId,
          optionId: answer.dontKnow ? null : answer.optionId,
          dontKnow: answer.dontKnow,
          evidence: answer.evidence,
          basedOnRevision: revisions.current[questionId] ?? null,
        }).catch(() => ({
          ok: false as const,
          error: "Could not reach the server. Your choice is kept here; try again.",
        }));
        if (result.ok) {
          revisions.current[questionId] = result.revision;
          confirmed.current[questionId] = signature(answer);
          failed.current.delete(questionId);
          setApplicable(new Set(result.applicable));
          // A newer edit may have arrived while this save was under way: it is not saved yet.
          const current = latest.current[questionId];
          const upToDate = !current || signature(current) === signature(answer);
          setSaveStates((s) => ({
            ...s,
            [questionId]: { status: upToDate ? "saved" : "unsaved" },
          }));
        } else {
          failed.current.add(questionId);
          setSaveStates((s) => ({
            ...s,
            [questionId]: { status: "error", message: result.error },
          }));
          if (/changed this answer/.test(result.error)) router.refresh();
        }
      };
      queues.current[questionId] = (queues.current[questionId] ?? Promise.resolve()).then(run);
    },
    [save, router],
  );

  const update = (questionId: string, patch: Partial<WizardAnswer>, persistNow = true) => {
    const next: WizardAnswer = {
      optionId: null,
      dontKnow: false,
      evidence: null,
      revision: null,
      ...answers[questionId],
      ...patch,
    };
    latest.current = { ...latest.current, [questionId]: next };
    setAnswers((a) => ({ ...a, [questionId]: next }));
    if (persistNow && (next.optionId || next.dontKnow)) persist(questionId, next);
    else if (isAnswered(next) && signature(next) !== confirmed.current[questionId])
      setSaveStates((s) => ({ ...s, [questionId]: { status: "unsaved" } }));
    return next;
  };

  /** Saves every answered question whose latest edit the server has not confirmed, and waits. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (const [id, answer] of Object.entries(latest.current)) {
      if (isAnswered(answer) && signature(answer) !== confirmed.current[id]) persist(id, answer);
    }
    await Promise.all(Object.values(queues.current));
    return failed.current.size === 0;
  }, [persist]);

  const pending = useCallback(
    () =>
      Object.entries(latest.current).some(
        ([id, a]) => isAnswered(a) && signature(a) !== confirmed.current[id],
      ),
    [],
  );

  // Closing or reloading the tab with an edit the server has not confirmed: save it and ask.
  useEffect(() => {
    const onLeave = (event: BeforeUnloadEvent) => {
      if (!pending()) return;
      void flush();
      event.preventDefault();
    };
    const onHide = () => {
      if (document.visibilityState === "hidden" && pending()) void flush();
    };
    window.addEventListener("beforeunload", onLeave);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("beforeunload", onLeave);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [flush, pending]);

  /** Moves to another step only once every edit here is saved; stays and shows why if not. */
  const go = (href: string) => async (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (await flush()) router.push(href);
  };

  const progress = useMemo(() => {
    const applicableIds = allQuestions.filter((q) => applicable.has(q.id));
    const done = applicableIds.filter((q) => answers[q.id]?.optionId || answers[q.id]?.dontKnow);
    const perStep = new Map<string, { done: number; total: number }>();
    for (const q of applicableIds) {
      const entry = perStep.get(q.dimensionId) ?? { done: 0, total: 0 };
      entry.total++;
      if (answers[q.id]?.optionId || answers[q.id]?.dontKnow) entry.done++;
      perStep.set(q.dimensionId, entry);
    }
    return { done: done.length, total: applicableIds.length, perStep };
  }, [allQuestions, applicable, answers]);

  const visible = questions.filter((q) => applicable.has(q.id));
  const pct = progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <nav aria-label={wording.navLabel} className="lg:sticky lg:top-4 lg:self-start">
        <div className="mb-3">
          <div className="mb-1 flex justify-between text-xs text-muted-foreground">
            <span id="progress-label">Answered</span>
            <span data-testid="progress-text">
              {progress.done} of {progress.total}
            </span>
          </div>
          <div
            role="progressbar"
            aria-labelledby="progress-label"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
            className="h-2 overflow-hidden rounded-full bg-muted"
          >
            <div className="h-full bg-primary transition-all" style={{ width: `${pct}%` }} />
          </div>
        </div>
        <ol className="grid gap-0.5 text-sm">
          {steps.map((s, i) => {
            const counts = progress.perStep.get(s.id);
            const complete = counts && counts.done === counts.total;
            return (
              <li key={s.id}>
                <Link
                  href={s.href}
                  onClick={go(s.href)}
                  aria-current={s.id === stepId ? "step" : undefined}
                  className={cn(
                    "flex items-center justify-between gap-2 rounded-md px-2 py-1.5 hover:bg-muted",
                    s.id === stepId && "bg-muted font-medium",
                  )}
                >
                  <span>
                    {i + 1}. {s.title}
                  </span>
                  {counts ? (
                    <span
                      className={cn(
                        "text-xs tabular-nums",
                        complete ? "text-success" : "text-muted-foreground",
                      )}
                    >
                      {complete ? (
                        <Check className="inline size-3.5" aria-label="complete" />
                      ) : null}{" "}
                      {counts.done}/{counts.total}
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ol>
      </nav>
      <div className="grid gap-4">
        {visible.map((q) => (
          <QuestionCard
            key={q.id}
            question={q}
            answer={answers[q.id]}
            state={saveStates[q.id]}
            wording={wording}
            onChoose={(value) =>
              update(
                q.id,
                value === DONT_KNOW
                  ? { dontKnow: true, optionId: null }
                  : { dontKnow: false, optionId: value },
              )
            }
            onEvidence={(evidence, commit) => {
              const next = update(q.id, { evidence }, false);
              if (commit && isAnswered(next) && signature(next) !== confirmed.current[q.id])
                persist(q.id, next);
            }}
          />
        ))}
        <div className="flex flex-wrap justify-between gap-2 border-t pt-4">
          {prevHref ? (
            <Button asChild variant="outline">
              <Link href={prevHref} onClick={go(prevHref)}>
                Previous
              </Link>
            </Button>
          ) : (
            <span />
          )}
          <Button asChild>
            <Link href={nextHref} onClick={go(nextHref)}>
              {nextLabel}
            </Link>
          </Button>
        </div>
      </div>
    </div>
  );
}

function QuestionCard({
  question,
  answer,
  state,
  onChoose,
  onEvidence,
  wording,
}: {
  wording: WizardWording;
  question: WizardQuestion;
  answer: WizardAnswer | undefined;
  state: SaveState | undefined;
  onChoose: (value: string) => void;
  onEvidence: (evidence: string, commit: boolean) => void;
}) {
  const uid = useId();
  const selected = answer?.dontKnow ? DONT_KNOW : (answer?.optionId ?? "");
  const [draft, setDraft] = useState(answer?.evidence ?? "");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const options = [
    ...question.options.map((o) => ({ value: o.id, label: o.label })),
    { value: DONT_KNOW, label: "Don't know" },
  ];
  return (
    <fieldset
      className="rounded-lg border bg-card p-5"
      data-testid={`question-${question.id}`}
      aria-describedby={`${uid}-status`}
    >
      <legend className="sr-only">{question.prompt}</legend>
      <div className="mb-3 flex items-start justify-between gap-3">
        <p className="font-medium" aria-hidden="true">
          {question.prompt}
        </p>
        {question.conditional ? (
          <span className="shrink-0 rounded-full border px-2 py-0.5 text-xs text-muted-foreground">
            Follow-up
          </span>
        ) : null}
      </div>
      <details className="mb-3 text-sm text-muted-foreground">
        <summary className="cursor-pointer select-none text-primary">Why this matters</summary>
        <p className="mt-2">{question.help}</p>
      </details>
      <div className="grid gap-1.5">
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              "flex cursor-pointer items-start gap-2.5 rounded-md border px-3 py-2 text-sm hover:bg-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
              selected === o.value && "border-primary bg-accent",
              o.value === DONT_KNOW && "text-muted-foreground",
            )}
          >
            <input
              type="radio"
              name={`${uid}-answer`}
              value={o.value}
              checked={selected === o.value}
              onChange={() => onChoose(o.value)}
              className="mt-0.5 size-4 accent-[var(--color-primary)]"
            />
            {o.label}
          </label>
        ))}
      </div>
      <div className="mt-3 grid gap-1">
        <label htmlFor={`${uid}-evidence`} className="text-xs font-medium text-muted-foreground">
          {wording.evidenceLabel}
        </label>
        <input
          id={`${uid}-evidence`}
          value={draft}
          maxLength={2000}
          onChange={(e) => {
            setDraft(e.target.value);
            onEvidence(e.target.value, false);
            clearTimeout(timer.current);
            const value = e.target.value;
            timer.current = setTimeout(() => onEvidence(value, true), 1200);
          }}
          onBlur={(e) => {
            clearTimeout(timer.current);
            // Save whatever the server has not confirmed yet; the parent knows what that is.
            onEvidence(e.target.value, true);
          }}
          placeholder={wording.evidencePlaceholder}
          className="h-8 w-full rounded-md border border-input bg-background px-2.5 text-sm"
        />
      </div>
      <p
        id={`${uid}-status`}
        aria-live="polite"
        className="mt-2 min-h-5 text-xs"
        data-testid={`status-${question.id}`}
      >
        {state?.status === "unsaved" ? (
          <span className="text-muted-foreground">Not saved yet</span>
        ) : state?.status === "saving" ? (
          <span className="inline-flex items-center gap-1 text-muted-foreground">
            <LoaderCircle className="size-3.5 animate-spin" aria-hidden /> Saving…
          </span>
        ) : state?.status === "saved" ? (
          <span className="inline-flex items-center gap-1 text-success">
            <Check className="size-3.5" aria-hidden /> Saved
          </span>
        ) : state?.status === "error" ? (
          <span className="inline-flex items-center gap-1 text-destructive">
            <CircleAlert className="size-3.5" aria-hidden /> {state.message}
          </span>
        ) : null}
      </p>
    </fieldset>
  );
}
