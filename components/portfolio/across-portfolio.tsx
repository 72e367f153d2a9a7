import Link from "next/link";
import type { AcrossPortfolio, RecurringFinding } from "@/lib/domain/portfolio";

/** How many use cases a finding names; a finding across a large portfolio has hundreds. */
const NAMES_SHOWN = 12;

function Findings({
  title,
  description,
  items,
  empty,
  hrefOf,
  testId,
}: {
  title: string;
  description: string;
  items: RecurringFinding[];
  empty: string;
  hrefOf: (u: RecurringFinding["useCases"][number]) => string;
  testId: string;
}) {
  return (
    <div className="min-w-0">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="mt-1 text-xs text-muted-foreground">{description}</p>
      {items.length ? (
        <ol className="mt-2 grid gap-2 text-sm" data-testid={testId}>
          {items.map((f) => (
            <li key={f.key} className="rounded-md border p-2">
              <p>
                <span className="font-semibold tabular-nums">{f.count}×</span> {f.text}
              </p>
              <p className="mt-1 text-xs text-muted-foreground">
                {f.useCases.slice(0, NAMES_SHOWN).map((u, i) => (
                  <span key={u.id}>
                    {i > 0 ? " · " : ""}
                    <Link href={hrefOf(u)} className="hover:underline">
                      {u.name}
                    </Link>
                  </span>
                ))}
                {f.useCases.length > NAMES_SHOWN
                  ? ` and ${f.useCases.length - NAMES_SHOWN} more`
                  : null}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-2 text-sm text-muted-foreground">{empty}</p>
      )}
    </div>
  );
}

/** What recurs across use cases: the most frequent blockers and broken assumptions. */
export function AcrossPortfolioSection({
  across,
  base,
}: {
  across: AcrossPortfolio;
  base: string;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Findings
        title="Most frequent blockers"
        description="Confirmed blockers in each use case's latest assessment, with the use cases they hold back."
        items={across.blockers}
        empty="No confirmed blocker in the latest assessments in view."
        hrefOf={(u) => `${base}/use-cases/${u.id}`}
        testId="frequent-blockers"
      />
      <Findings
        title="Most often broken assumptions"
        description="Assumptions marked broken on live pilots, with the pilots they broke on."
        items={across.brokenAssumptions}
        empty="No assumption is broken on a live pilot in view."
        hrefOf={(u) =>
          u.pilotId
            ? `${base}/pilots/${u.pilotId}#assumptions-heading`
            : `${base}/use-cases/${u.id}`
        }
        testId="broken-assumptions"
      />
    </div>
  );
}
