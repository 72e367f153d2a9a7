import { FileText } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type * as React from "react";
import { AcrossPortfolioSection } from "@/components/portfolio/across-portfolio";
import { AttentionList } from "@/components/portfolio/attention-list";
import { allStepsDone, GettingStarted } from "@/components/portfolio/getting-started";
import { incidentsQuery, portfolioQuery, withQuery } from "@/components/portfolio/links";
import { OutcomesSection } from "@/components/portfolio/outcomes-section";
import { PortfolioFilterBar } from "@/components/portfolio/portfolio-filter-bar";
import { PortfolioTotalsRow } from "@/components/portfolio/portfolio-totals";
import { ReadinessSection } from "@/components/portfolio/readiness-section";
import { StageFunnel } from "@/components/portfolio/stage-funnel";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getGettingStarted } from "@/db/queries/dashboard";
import {
  type AcrossPortfolio,
  PORTFOLIO_PERIOD_LABELS,
  type RecurringFinding,
} from "@/lib/domain/portfolio";
import type { ListPageProps } from "@/lib/pages";
import { LoopSummary } from "./_components/loop-summary";
import { loadPortfolioView, readPortfolioRequest } from "./_lib/portfolio-view";

export const metadata: Metadata = { title: "Dashboard · Preflight" };

// A large portfolio has thousands of use cases, pilots and items that need attention: the
// dashboard shows the few that matter most of each and links to the portfolio report, which
// lists every one. Each row shown costs its HTML twice (the markup and the page's payload).

/** How many "needs attention" rows the dashboard shows (most severe first; the report lists all). */
const ATTENTION_SHOWN = 8;
/** How many use cases the readiness chart and its table show at most (the largest by value). */
const READINESS_SHOWN = 10;
/** How many recurring blockers and broken assumptions show (the most frequent first). */
const FINDINGS_SHOWN = 3;
/** How many use cases each of them names. */
const FINDING_NAMES_SHOWN = 3;

/** The most frequent findings, each naming at most `names` use cases (its count stays whole). */
function mostFrequent(across: AcrossPortfolio, shown: number, names: number): AcrossPortfolio {
  const cut = (f: RecurringFinding) => ({ ...f, useCases: f.useCases.slice(0, names) });
  return {
    blockers: across.blockers.slice(0, shown).map(cut),
    brokenAssumptions: across.brokenAssumptions.slice(0, shown).map(cut),
  };
}

export default async function DashboardPage(props: ListPageProps) {
  const { member, filters, base } = await readPortfolioRequest(props);
  const progress = await getGettingStarted(member);
  const header = (action?: React.ReactNode) => (
    <PageHeader
      title={member.orgName}
      description="Which AI workflows are worth funding, how ready they are, and how the pilots are doing."
      action={action}
    />
  );
  if (!progress.useCaseCreated) {
    return (
      <>
        {header()}
        <GettingStarted progress={progress} base={base} />
      </>
    );
  }
  const now = new Date();
  const { portfolio, members, loop } = await loadPortfolioView(member, filters, now);
  const query = portfolioQuery(filters);
  const period = PORTFOLIO_PERIOD_LABELS[filters.period].toLowerCase();
  return (
    <>
      {header(
        <ButtonLink variant="outline" href={withQuery(`${base}/report`, query)}>
          <FileText aria-hidden /> Portfolio report
        </ButtonLink>,
      )}
      <PortfolioFilterBar
        filters={filters}
        owners={members.map((m) => ({ value: m.userId, label: m.name }))}
        clearHref={base}
      />
      <div className="grid gap-4">
        <PortfolioTotalsRow
          totals={portfolio.totals}
          filters={filters}
          base={base}
          currency={member.currency}
        />
        <div className="grid gap-4 xl:grid-cols-[3fr_2fr] xl:items-start">
          <Card aria-labelledby="readiness-heading" className="@container min-w-0">
            <h2 id="readiness-heading" className="text-base font-semibold">
              Readiness × value
            </h2>
            <p className="mb-3 text-sm text-muted-foreground">
              Where each use case stands: readiness of its latest assessment against its business
              value. Top right is ready and worth it.
            </p>
            <ReadinessSection
              points={portfolio.points}
              base={base}
              currency={member.currency}
              limit={READINESS_SHOWN}
              allHref={withQuery(`${base}/report`, query)}
            />
          </Card>
          <Card aria-labelledby="attention-heading" className="min-w-0">
            <h2 id="attention-heading" className="text-base font-semibold">
              Needs attention ({portfolio.attention.length})
            </h2>
            <p className="mb-1 text-sm text-muted-foreground">
              Most severe first. Pilots stall after {portfolio.settings.stallDays} days in a stage;
              assessments are due again after {portfolio.settings.reviewIntervalDays} days.
            </p>
            <AttentionList
              items={portfolio.attention}
              base={base}
              limit={ATTENTION_SHOWN}
              folded={0}
            />
            {portfolio.attention.length > ATTENTION_SHOWN ? (
              <p className="border-t pt-3 text-sm" data-testid="attention-limited">
                <Link
                  href={withQuery(`${base}/report`, query)}
                  className="text-primary hover:underline"
                >
                  All {portfolio.attention.length} in the portfolio report →
                </Link>
              </p>
            ) : null}
          </Card>
        </div>
        <Card aria-labelledby="funnel-heading">
          <CardHeader
            title="Stage funnel"
            description={`Where the live pilots are, how long they have been there, and what moved in the ${period}.`}
          />
          <StageFunnel
            funnel={portfolio.funnel}
            filters={filters}
            base={base}
            currency={member.currency}
          />
        </Card>
        <section aria-labelledby="outcomes-heading" className="grid gap-2">
          <h2 id="outcomes-heading" className="text-base font-semibold">
            Outcomes, {period}
          </h2>
          <OutcomesSection
            outcomes={portfolio.outcomes}
            currency={member.currency}
            incidentsHref={withQuery(`${base}/incidents`, incidentsQuery(filters, now))}
          />
        </section>
        {loop && loop.pilots.length > 0 ? (
          <LoopSummary
            loop={loop}
            currency={member.currency}
            reportHref={`${withQuery(`${base}/report`, query)}#loop-heading`}
          />
        ) : null}
        <Card aria-labelledby="across-heading">
          <h2 id="across-heading" className="mb-3 text-base font-semibold">
            Across the portfolio
          </h2>
          <AcrossPortfolioSection
            across={mostFrequent(portfolio.across, FINDINGS_SHOWN, FINDING_NAMES_SHOWN)}
            base={base}
          />
          <p className="mt-3 text-xs text-muted-foreground">
            The {FINDINGS_SHOWN} most frequent of each, naming at most {FINDING_NAMES_SHOWN} of the
            use cases each counts;{" "}
            <Link href={withQuery(`${base}/report`, query)} className="text-primary underline">
              the portfolio report
            </Link>{" "}
            lists more.
          </p>
        </Card>
        {allStepsDone(progress) ? null : <GettingStarted progress={progress} base={base} />}
      </div>
    </>
  );
}
