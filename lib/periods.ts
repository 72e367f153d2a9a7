/**
 * Every period start (YYYY-MM-DD, UTC) from `first` to `last`, a week or a calendar month
 * apart, so a chart's time axis keeps quiet periods instead of closing the gap. At most
 * `max` periods.
 */
export function periodRange(
  first: string,
  last: string,
  unit: "week" | "month",
  max = 1_000,
): string[] {
  const out: string[] = [];
  const at = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`).getTime();
  while (at.getTime() <= end && out.length < max) {
    out.push(at.toISOString().slice(0, 10));
    if (unit === "week") at.setUTCDate(at.getUTCDate() + 7);
    else at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return out;
}
