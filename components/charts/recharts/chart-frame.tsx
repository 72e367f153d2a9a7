"use client";

import type * as React from "react";
import { cloneElement } from "react";
import { ResponsiveContainer } from "recharts";
import { CHART_COLORS } from "@/lib/chart-colors";
import { cn } from "@/lib/utils";

/** Tick labels in the muted text colour: recharts' default grey is too faint on the dark card. */
export const AXIS = { tick: { fontSize: 11, fill: "var(--color-muted-foreground)" } };

/** The dashed background grid of every cartesian chart. */
export const GRID = { stroke: "var(--color-border)", strokeDasharray: "3 3" };

/**
 * A line over periods: dots while there are few enough to tell apart, gaps bridged. The main
 * series is solid; the one compared with it (a 90th percentile, the override rate) is dashed.
 */
export function periodLine(series: "primary" | "secondary", points: number) {
  return {
    stroke: CHART_COLORS[series],
    ...(series === "secondary" ? { strokeDasharray: "6 3" } : {}),
    strokeWidth: 2,
    dot: points < 40 ? { r: 3 } : false,
    connectNulls: true,
    isAnimationActive: false,
  } as const;
}

/**
 * The box a chart fills, its height set by `className`; hidden from screen readers (the table
 * beside it says the same), unless the chart holds controls of its own: then `label` names it.
 */
export function ChartFrame({
  className,
  testId,
  label,
  children,
}: {
  className: string;
  testId?: string;
  label?: string;
  children: React.ReactElement;
}) {
  return (
    <div
      className={cn("w-full", className)}
      {...(label ? { role: "group", "aria-label": label } : { "aria-hidden": true })}
      data-testid={testId}
    >
      <ResponsiveContainer width="100%" height="100%">
        {/* A chart hidden from screen readers takes no keyboard focus either (recharts makes
            its surface focusable for its own keyboard layer). */}
        {label
          ? children
          : cloneElement(children as React.ReactElement<{ accessibilityLayer?: boolean }>, {
              accessibilityLayer: false,
            })}
      </ResponsiveContainer>
    </div>
  );
}
