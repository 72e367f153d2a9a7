import type { Metadata } from "next";
import type * as React from "react";
import { LoopSection } from "@/components/loop/loop-section";
import { AcrossPortfolioSection } from "@/components/portfolio/across-portfolio";
import { AttentionList } from "@/components/portfolio/attention-list";
import { incidentsQuery, portfolioQuery, withQuery } from "@/components/portfolio/links";
import { OutcomesSection } from "@/components/portfolio/outcomes-section";
import { PortfolioTotalsRow } from "@/components/portfolio/portfolio-totals";
import { ReadinessSection } from "@/components/portfolio/readiness-section";
import { StageFunnel } from "@/components/portfolio/stage-funnel";
import { Card } from "@/components/ui/card";
import { ReportHeader } from "@/components/ui/report-header";
import { PORTFOLIO_PERIOD_LABELS, PORTFOLIO_STAGE_LABELS } from "@/lib/domain/portfolio";
import { formatDateTime } from "@/lib/format";
import type { ListPageProps } from "@/lib/pages";
import { loadPortfolioView, readPortfolioRequest } from "../_lib/portfolio-view";

export const metadata: Metadata = { title: "Portfolio report · Preflight" };

/** A section of the report: on paper each starts a new page after the first. */
function Section({
  id,
  title,
  description,
  first = false,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  first?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Card
      aria-labelledby={`${id}-heading`}
      className={first ? "mb-6 print:mb-2" : "mb-6 print:mb-2 print:break-before-page"}
      data-testid={`report-${id}`}
    >
      <div>
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      </div>
      <div className="@container mt-3">{children}</div>
    </Card>
  );
}

/**
 * The portfolio as a printable report: the same figures as the dashboard for the same filters,
 * every "needs attention" item, one section per page on paper.
 */
export default async function PortfolioReportPage(props: ListPageProps) {
  const { member, filters, base } = await readPortfolioRequest(props);
  const now = new Date();
  const { portfolio, members, loop } = await loadPortfolioView(member, filters, now);
  const owner = members.find((m) => m.userId === filters.owner)?.name;
  const scope = [
    PORTFOLIO_PERIOD_LABELS[filters.period],
    owner ? `owner ${owner}` : "every owner",
    filters.stage ? PORTFOLIO_STAGE_LABELS[filters.stage].toLowerCase() : "every stage",
  ].join(" · ");
  const { currency } = member;
  return (
    <article className="report print:text-black" data-testid="report">
      <ReportHeader
        className="mb-4 print:mb-2 print:border-b print:pb-2"
        kind="Preflight portfolio report"
        orgName={member.orgName}
        back={{ href: withQuery(base, portfolioQuery(filters)), label: "Dashboard" }}
        title={`Portfolio of ${member.orgName}`}
        description={`${member.orgName} · prepared ${formatDateTime(now)} · ${scope}`}
      />

      <Section id="summary" title="Summary" first>
        <PortfolioTotalsRow
          totals={portfolio.totals}
          filters={filters}
          base={base}
          currency={currency}
        />
      </Section>

      <Section
        id="attention"
        title={`Needs attention (${portfolio.attention.length})`}
        description={`Every item, most severe first. Pilots stall after ${portfolio.settings.stallDays} days in a stage; assessments are due again after ${portfolio.settings.reviewIntervalDays} days.`}
      >
        <AttentionList items={portfolio.attention} base={base} />
      </Section>

      <Section
        id="readiness"
        title="Readiness × value"
        description="Readiness of each use case's latest assessment against its business value; dot size is the annual value, colour the stage."
      >
        <ReadinessSection points={portfolio.points} base={base} currency={currency} />
      </Section>

      <Section
        id="funnel"
        title="Stage funnel"
        description={`Live pilots per stage, and promotions and rollbacks in the period (${PORTFOLIO_PERIOD_LABELS[filters.period].toLowerCase()}).`}
      >
        <StageFunnel funnel={portfolio.funnel} filters={filters} base={base} currency={currency} />
      </Section>

      <Section id="outcomes" title="Outcomes">
        <OutcomesSection
          outcomes={portfolio.outcomes}
          currency={currency}
          incidentsHref={withQuery(`${base}/incidents`, incidentsQuery(filters, now))}
        />
      </Section>

      {loop ? (
        <LoopSection
          loop={loop}
          currency={currency}
          orgSlug={member.orgSlug}
          className="mb-6 print:mb-2 print:break-before-page"
        />
      ) : null}

      <Section id="across" title="Across the portfolio">
        <AcrossPortfolioSection across={portfolio.across} base={base} />
      </Section>
    </article>
  );
}
