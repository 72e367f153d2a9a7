/**
 * The space a chart takes while its drawing code (recharts) loads after the page: the same
 * height, so nothing below it moves when it appears.
 */
export function ChartPlaceholder({ className }: { className: string }) {
  return <div className={`w-full ${className}`} aria-hidden="true" />;
}
