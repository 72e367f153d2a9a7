import { BAND_LABELS, type Band } from "@/lib/domain/scoring/bands";
import { cn } from "@/lib/utils";

// A colour-blind-safe diverging scale (ColorBrewer RdBu); the text label always carries the meaning.
const STYLES: Record<Band, string> = {
  not_ready: "border-[#b2182b] text-[#b2182b] dark:text-[#f4a582]",
  sandbox_only: "border-[#d6604d] text-[#b2402d] dark:text-[#f4a582]",
  shadow: "border-[#8c8c8c] text-foreground",
  supervised: "border-[#4393c3] text-[#2166ac] dark:text-[#92c5de]",
  limited_production: "border-[#2166ac] bg-[#2166ac] text-white",
};

const MARKS: Record<Band, string> = {
  not_ready: "■□□□□",
  sandbox_only: "■■□□□",
  shadow: "■■■□□",
  supervised: "■■■■□",
  limited_production: "■■■■■",
};

/** A readiness band, with its name and a five-step mark so no meaning rests on colour. */
export function BandBadge({ band, className }: { band: string | null; className?: string }) {
  if (!band || !(band in BAND_LABELS)) return <span className="text-muted-foreground">—</span>;
  const b = band as Band;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium",
        STYLES[b],
        className,
      )}
      data-band={b}
    >
      <span aria-hidden="true" className="tracking-[-0.1em] text-[0.6rem]">
        {MARKS[b]}
      </span>
      {BAND_LABELS[b]}
    </span>
  );
}
