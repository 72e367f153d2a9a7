/** What the disagreement figures mean, as defined in lib/domain/workshops/aggregates.ts. */
export function DisagreementHelp() {
  return (
    <details className="mb-4 rounded-lg border bg-card p-4 text-sm">
      <summary className="cursor-pointer font-medium">How disagreement is measured</summary>
      <div className="mt-2 grid max-w-prose gap-2 text-muted-foreground">
        <p>
          Every answer option has a score from 0 (a production risk) to 4 (production-grade). A
          question's <strong>disagreement</strong> is the spread of the scores people chose: their
          standard deviation divided by half the range of the question's scores. 0 means everyone
          chose answers of the same score; 1 means the room split evenly between the weakest and the
          strongest answer. Above 0.6 reads as high, from 0.3 as some.
        </p>
        <p>
          “Don't know” has no score: it is counted apart and does not change the measure. With fewer
          than two scored answers there is nothing to disagree about yet.
        </p>
        <p>
          The table of roles shows how far each role's answers stand from everyone else's: the
          difference of their mean scores divided by the range of the scale, averaged over the
          dimension's questions.
        </p>
      </div>
    </details>
  );
}
