"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { formatScore } from "@/lib/format";

export type RadarPoint = { dimension: string; current: number; previous?: number | null };

/** Distance from the outer ring to a label (recharts' tick line) and from labels to the edge. */
const TICK = 8;
const EDGE = 4;

type Measure = (text: string, fontSize: number) => number;

/** A generous estimate of a label's width: wider than most sans-serif text of that size. */
const estimateWidth: Measure = (text, fontSize) => text.length * fontSize * 0.62;

/** Measures text in the chart's own font, with a little slack; the estimate without a canvas. */
function textMeasure(el: HTMLElement): Measure {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return estimateWidth;
  const family = getComputedStyle(el).fontFamily;
  return (text, fontSize) => {
    context.font = `${fontSize}px ${family}`;
    return context.measureText(text).width * 1.05 + 2;
  };
}

/**
 * The largest radius at which every label, drawn outside the ring and anchored away from the
 * centre, stays inside a chart of this size: labels are never cut, however narrow the screen.
 */
export function radarRadius(
  labels: readonly string[],
  width: number,
  height: number,
  fontSize: number,
  measure: Measure = estimateWidth,
): number {
  const n = labels.length;
  let radius = Math.min(width, height) / 2 - TICK - EDGE;
  labels.forEach((label, i) => {
    // recharts starts at the top (90°) and goes clockwise.
    const angle = ((90 - (360 / n) * i) * Math.PI) / 180;
    const cos = Math.abs(Math.cos(angle));
    const sin = Math.abs(Math.sin(angle));
    const w = measure(label, fontSize);
    // Sideways: anchored at the tick's end, the text runs outward by its width (or by half
    // of it, centred, at the top and bottom).
    if (cos > 0.01) radius = Math.min(radius, (width / 2 - w - EDGE) / cos - TICK);
    // Up and down: above and below the sides the text runs outward by its height (see the
    // baselines in the tick), beside them by half of it.
    if (sin > 0.01) {
      const h = sin > 0.3 ? fontSize : fontSize / 2;
      radius = Math.min(radius, (height / 2 - h - EDGE) / sin - TICK);
    }
  });
  return Math.max(24, Math.floor(radius));
}

type TickProps = {
  x?: number | string;
  y?: number | string;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  payload?: { value?: unknown; coordinate?: number };
};

/** Readiness per dimension (0–100); a second series shows the previous assessment when there is one. */
export function ReadinessRadar({
  data,
  hasPrevious,
}: {
  data: RadarPoint[];
  hasPrevious: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const measureText = useRef<Measure>(estimateWidth);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    measureText.current = textMeasure(el);
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      setSize((s) =>
        s && Math.abs(s.width - width) < 1 && Math.abs(s.height - height) < 1
          ? s
          : { width, height },
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const fontSize = size && size.width < 400 ? 10 : 11;
  const radius = size
    ? radarRadius(
        data.map((d) => d.dimension),
        size.width,
        size.height,
        fontSize,
        measureText.current,
      )
    : 0;
  const tick = ({ x, y, textAnchor, payload }: TickProps) => {
    const angle = (((payload?.coordinate ?? 0) % 360) * Math.PI) / 180;
    const sin = Math.sin(angle);
    // Above the centre the text sits on the point, below it hangs from it.
    const baseline = sin > 0.3 ? "auto" : sin < -0.3 ? "hanging" : "middle";
    return (
      <text
        x={Number(x)}
        y={Number(y)}
        textAnchor={textAnchor}
        dominantBaseline={baseline}
        fontSize={fontSize}
        fill="var(--color-muted-foreground)"
        data-testid="radar-label"
      >
        {String(payload?.value ?? "")}
      </text>
    );
  };

  return (
    <div aria-hidden="true">
      <div ref={box} className="h-72 w-full sm:h-80 print:aspect-[4/3] print:h-auto">
        {size && size.width > 0 ? (
          <RadarChart
            accessibilityLayer={false}
            width={size.width}
            height={size.height}
            data={data}
            outerRadius={radius}
            margin={{ top: 0, right: 0, bottom: 0, left: 0 }}
          >
            <PolarGrid stroke="var(--color-border)" />
            <PolarAngleAxis dataKey="dimension" tick={tick} />
            <PolarRadiusAxis
              domain={[0, 100]}
              tickCount={5}
              tick={{ fontSize: 9 }}
              angle={90}
              axisLine={false}
            />
            {hasPrevious ? (
              <Radar
                name="Previous assessment"
                dataKey="previous"
                stroke="#8c8c8c"
                strokeDasharray="4 3"
                fill="#8c8c8c"
                fillOpacity={0.08}
                isAnimationActive={false}
              />
            ) : null}
            <Radar
              name="This assessment"
              dataKey="current"
              stroke="#2166ac"
              fill="#2166ac"
              fillOpacity={0.25}
              isAnimationActive={false}
            />
            <Tooltip formatter={(v) => `${formatScore(Number(v))} / 100`} />
          </RadarChart>
        ) : null}
      </div>
      {hasPrevious ? (
        <p className="mt-1 flex flex-wrap justify-center gap-x-4 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1.5">
            <svg width="18" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="18" y2="4" stroke="#2166ac" strokeWidth="2" />
            </svg>
            This assessment
          </span>
          <span className="inline-flex items-center gap-1.5">
            <svg width="18" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="18"
                y2="4"
                stroke="#8c8c8c"
                strokeWidth="2"
                strokeDasharray="4 3"
              />
            </svg>
            Previous assessment
          </span>
        </p>
      ) : null}
    </div>
  );
}
