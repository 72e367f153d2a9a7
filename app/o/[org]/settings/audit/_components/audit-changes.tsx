import type { AuditChange } from "@/lib/domain/audit-sentences";

/**
 * What an event changed, as a small table in words (a before and an after column for an
 * edit, one value column for something created or removed), with the data as recorded
 * behind a disclosure.
 */
export function AuditChanges({
  changes,
  before,
  after,
}: {
  changes: AuditChange[];
  before: unknown;
  after: unknown;
}) {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  const edit = hasBefore && hasAfter;
  return (
    <>
      {changes.length ? (
        <table className="mt-2 w-full max-w-2xl text-xs">
          <caption className="sr-only">
            {edit ? "Fields changed, before and after" : "Values recorded"}
          </caption>
          <thead className="text-left text-muted-foreground">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Field
              </th>
              {edit ? (
                <>
                  <th scope="col" className="py-1 pr-3 font-medium">
                    Before
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    After
                  </th>
                </>
              ) : (
                <th scope="col" className="py-1 font-medium">
                  {hasAfter ? "Value" : "Value removed"}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field} className="border-t align-top">
                <th
                  scope="row"
                  className="w-36 py-1 pr-3 text-left font-normal text-muted-foreground"
                >
                  {c.label}
                </th>
                {edit ? (
                  <>
                    <td className="py-1 pr-3 break-words">{c.before}</td>
                    <td className="py-1 break-words">{c.after}</td>
                  </>
                ) : (
                  <td className="py-1 break-words">{hasAfter ? c.after : c.before}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {hasBefore || hasAfter ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-muted-foreground hover:text-foreground">
            Data as recorded
          </summary>
          <pre className="mt-1 max-w-2xl overflow-x-auto rounded bg-muted p-2 font-mono whitespace-pre-wrap break-words">
            {JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2)}
          </pre>
        </details>
      ) : null}
    </>
  );
}
