import { FileText } from "lucide-react";
import type { Metadata } from "next";
import type * as React from "react";
import { LoopSection } from "@/components/loop/loop-section";
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
import { PORTFOLIO_PERIOD_LABELS } from "@/lib/domain/portfolio";
import type { ListPageProps } from "@/lib/pages";
import { loadPortfolioView, readPortfolioRequest } from "./_lib/portfolio-view";

export const metadata: Metadata = { title: "Dashboard · Preflight" };

/** How many "needs attention" rows show before the rest fold away (the report lists all). */
const ATTENTION_SHOWN = 8;
/** How many use cases the readiness chart and its table show at most (the largest by value). */
const READINESS_SHOWN = 40;
/** How many pilots the loop's chart and table show at most (the most incidents first). */
const LOOP_PILOTS_SHOWN = 25;
/** How many more the fold holds; the report lists every one. */
const ATTENTION_FOLDED = 42;

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
              folded={ATTENTION_FOLDED}
              allHref={withQuery(`${base}/report`, query)}
            />
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
        {loop ? (
          <LoopSection
            loop={loop}
            currency={member.currency}
            orgSlug={member.orgSlug}
            pilotLimit={LOOP_PILOTS_SHOWN}
          />
        ) : null}
        <Card aria-labelledby="across-heading">
          <h2 id="across-heading" className="mb-3 text-base font-semibold">
            Across the portfolio
          </h2>
          <AcrossPortfolioSection across={portfolio.across} base={base} />
        </Card>
        {allStepsDone(progress) ? null : <GettingStarted progress={progress} base={base} />}
      </div>
    </>
  );
}
