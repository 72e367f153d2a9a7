import type { Question } from "@/lib/domain/question-bank";

/** A question as the wizard shows it: its prompt, why it matters, and its options. */
export type WizardQuestion = {
  id: string;
  prompt: string;
  help: string;
  options: { id: string; label: string }[];
  conditional: boolean;
};

/** A bank question for the wizard, "what good looks like" added to its help. */
export function wizardQuestion(q: Question): WizardQuestion {
  return {
    id: q.id,
    prompt: q.prompt,
    help: q.good ? `${q.help} Good: ${q.good}` : q.help,
    options: q.options.map((o) => ({ id: o.id, label: o.label })),
    conditional: Boolean(q.showIf),
  };
}
