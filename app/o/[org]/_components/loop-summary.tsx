import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { LoopDto } from "@/lib/domain/loop";
import { loopByBand } from "@/lib/domain/portfolio";
import { BAND_LABELS } from "@/lib/domain/scoring/bands";
import { formatMoney, formatNumber, formatRate } from "@/lib/format";

/**
 * The loop on the dashboard: incidents since the start per readiness band at the start, a few
 * rows whatever the portfolio's size. The report draws it pilot by pilot and dimension by
 * dimension (`reportHref`).
 */
export function LoopSummary({
  loop,
  currency,
  reportHref,
}: {
  loop: LoopDto;
  currency: string;
  reportHref: string;
}) {
  const rows = loopByBand(loop);
  return (
    <Card aria-labelledby="loop-heading" data-testid="loop-summary">
      <h2 id="loop-heading" className="text-base font-semibold">
        Predicted against what happened
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        Pilots by the readiness band of their assessment at the start, and the incidents, cost and
        rollbacks since. A lower band should see more incidents per 1,000 actions.
      </p>
      <div className="mt-3 overflow-x-auto">
        {/* Cell styles set once on the table: the page carries every cell twice. */}
        <table className="w-full text-sm [&_td]:py-1.5 [&_td]:pl-3 [&_td]:text-right [&_td]:tabular-nums [&_th]:py-1.5 [&_th]:text-left [&_thead_th]:font-medium [&_thead_th:not(:first-child)]:pl-3 [&_thead_th:not(:first-child)]:text-right">
          <caption className="sr-only">
            Incidents since the start per readiness band at the start
          </caption>
          <thead className="text-xs text-muted-foreground">
            <tr className="border-b">
              <th scope="col">Band at start</th>
              <th scope="col">Pilots</th>
              <th scope="col">Actions</th>
              <th scope="col">Incidents</th>
              <th scope="col">Per 1,000 actions</th>
              <th scope="col">Cost ({currency})</th>
              <th scope="col">Rollbacks</th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.map((r) => (
              <tr key={r.band ?? "none"} data-band={r.band ?? "none"}>
                <th scope="row">{r.band ? BAND_LABELS[r.band] : "No assessment at start"}</th>
                <td>{formatNumber(r.pilots, 0)}</td>
                <td>{formatNumber(r.actions, 0)}</td>
                <td>{formatNumber(r.incidents, 0)}</td>
                <td>{formatRate(r.incidentRate)}</td>
                <td>{formatMoney(r.incidentCost, currency)}</td>
                <td>{formatNumber(r.rollbacks, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-sm">
        <Link href={reportHref} className="text-primary hover:underline">
          Pilot by pilot and dimension by dimension in the portfolio report →
        </Link>
      </p>
    </Card>
  );
}
