"use client";

import type * as React from "react";
import { useState } from "react";
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { AXIS, ChartFrame, GRID } from "@/components/charts/recharts/chart-frame";
import { CHART_COLORS } from "@/lib/chart-colors";
import type { PortfolioStage } from "@/lib/domain/portfolio";

/** One dot: where it sits, how big it is, what it says and where it leads. */
export type ReadinessDot = {
  id: string;
  name: string;
  score: number;
  businessValue: number;
  stage: PortfolioStage;
  /** 0 (no annual value) to 1 (the largest in view): the dot's size. */
  weight: number;
  href: string;
  /** Stage, band, confidence and annual value in words, for the tooltip and screen readers. */
  details: string[];
};

type ShapeProps = { cx?: number; cy?: number; payload?: ReadinessDot };

/** A dot as a link (its own component, so hovering re-renders nothing under the pointer). */
function DotShape({ cx = 0, cy = 0, payload }: ShapeProps) {
  if (!payload) return null;
  const r = 6 + 12 * Math.sqrt(payload.weight);
  const colour = CHART_COLORS.stage[payload.stage];
  return (
    <a
      href={payload.href}
      aria-label={`${payload.name}: ${payload.details.join(", ")}`}
      data-testid="readiness-dot"
      data-name={payload.name}
      data-id={payload.id}
      className="readiness-dot outline-none"
    >
      <circle
        cx={cx}
        cy={cy}
        r={r}
        fill={payload.stage === "not_started" ? "transparent" : colour}
        fillOpacity={0.75}
        stroke={colour}
        strokeWidth={2}
      />
    </a>
  );
}

/**
 * Readiness (x) against business value (y), one dot per assessed use case, sized by annual
 * value and coloured by stage. Each dot is a link: hover or keyboard focus shows its name,
 * band and confidence; a click or Enter opens the use case.
 */
export function ReadinessChart({ dots, label }: { dots: ReadinessDot[]; label: string }) {
  const [active, setActive] = useState<{ dot: ReadinessDot; x: number; y: number } | null>(null);
  // One listener for every dot: the dot under the pointer or focus names itself by its id.
  const show = (event: React.SyntheticEvent) => {
    const link = (event.target as Element).closest?.("[data-testid=readiness-dot]");
    const dot = dots.find((d) => d.id === link?.getAttribute("data-id"));
    const circle = link?.querySelector("circle");
    if (!dot || !circle) return;
    const x = Number(circle.getAttribute("cx"));
    const y = Number(circle.getAttribute("cy"));
    setActive((a) => (a?.dot.id === dot.id && a.x === x && a.y === y ? a : { dot, x, y }));
  };
  const hide = () => setActive(null);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegated from the dots, which are links.
    <div
      className="relative overflow-x-clip"
      onMouseOver={show}
      onMouseLeave={hide}
      onFocus={show}
      onBlur={hide}
    >
      <ChartFrame className="h-80" testId="readiness-chart" label={label}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 28, left: 4 }}>
          <CartesianGrid {...GRID} />
          <XAxis
            type="number"
            dataKey="score"
            domain={[0, 100]}
            ticks={[0, 30, 50, 65, 80, 100]}
            {...AXIS}
            label={{
              value: "Readiness score of the latest assessment (0–100)",
              position: "insideBottom",
              offset: -16,
              fontSize: 11,
              fill: "var(--color-muted-foreground)",
            }}
          />
          <YAxis
            type="number"
            dataKey="businessValue"
            domain={[0.5, 5.5]}
            ticks={[1, 2, 3, 4, 5]}
            width={48}
            {...AXIS}
            label={{
              value: "Business value (1–5)",
              angle: -90,
              position: "insideLeft",
              offset: 14,
              fontSize: 11,
              fill: "var(--color-muted-foreground)",
              style: { textAnchor: "middle" },
            }}
          />
          <Scatter data={dots} shape={DotShape} isAnimationActive={false} />
        </ScatterChart>
      </ChartFrame>
      {active ? (
        <div
          role="tooltip"
          data-testid="readiness-tooltip"
          className="pointer-events-none absolute z-10 max-w-64 -translate-x-1/2 -translate-y-full rounded-md border bg-card px-3 py-2 text-xs shadow-md"
          style={{ left: Math.max(active.x, 128), top: active.y - 14 }}
        >
          <p className="font-semibold text-sm">{active.dot.name}</p>
          {active.dot.details.map((d) => (
            <p key={d} className="text-muted-foreground">
              {d}
            </p>
          ))}
        </div>
      ) : null}
    </div>
  );
}
