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
  const cell = "py-1.5 pl-3 text-right tabular-nums";
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
        <table className="w-full text-sm">
          <caption className="sr-only">
            Incidents since the start per readiness band at the start
          </caption>
          <thead className="text-xs text-muted-foreground">
            <tr className="border-b">
              <th scope="col" className="py-1.5 text-left font-medium">
                Band at start
              </th>
              <th scope="col" className="py-1.5 pl-3 text-right font-medium">
                Pilots
              </th>
              <th scope="col" className="py-1.5 pl-3 text-right font-medium">
                Actions
              </th>
              <th scope="col" className="py-1.5 pl-3 text-right font-medium">
                Incidents
              </th>
              <th scope="col" className="py-1.5 pl-3 text-right font-medium">
                Per 1,000 actions
              </th>
              <th scope="col" className="py-1.5 pl-3 text-right font-medium">
                Cost ({currency})
              </th>
              <th scope="col" className="py-1.5 pl-3 text-right font-medium">
                Rollbacks
              </th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.map((r) => (
              <tr key={r.band ?? "none"} data-band={r.band ?? "none"}>
                <th scope="row" className="py-1.5 text-left font-medium">
                  {r.band ? BAND_LABELS[r.band] : "No assessment at start"}
                </th>
                <td className={cell}>{formatNumber(r.pilots, 0)}</td>
                <td className={cell}>{formatNumber(r.actions, 0)}</td>
                <td className={cell}>{formatNumber(r.incidents, 0)}</td>
                <td className={cell}>{formatRate(r.incidentRate)}</td>
                <td className={cell}>{formatMoney(r.incidentCost, currency)}</td>
                <td className={cell}>{formatNumber(r.rollbacks, 0)}</td>
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
