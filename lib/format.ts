/**
 * The one set of formatters. Pages, charts and CSV exports format numbers through these, so a
 * value shown in two places reads the same in both. Values are rounded here and only here;
 * comparisons (bands, gates) always use the unrounded value.
 */

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

// Building an Intl formatter costs far more than formatting with one, and a page formats
// thousands of values: each set of options builds its formatter once.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", options);
    numberFormats.set(key, format);
  }
  return format;
}

/** "24 Nov 2026, 15:04 UTC": one unambiguous format everywhere. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${dateTime.format(new Date(value))} UTC`;
}

/** "24 Nov 2026". */
export function formatDate(value: Date | string | null | undefined): string {
  return value ? date.format(new Date(value)) : "—";
}

/** "2026-11-24": dates in CSV and in `<input type="date">`. */
export function formatIsoDate(value: Date | string | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}

/** "2026-11-24T09:30:00.000Z": instants in CSV, exact to the millisecond, UTC. */
export function formatIsoDateTime(value: Date | string | null | undefined): string {
  return value ? new Date(value).toISOString() : "";
}

/** "45 min", "3 h 20 min", "2 d 4 h": durations as people read them. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const d = Math.floor(m / (24 * 60));
  const h = Math.round((m % (24 * 60)) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/** Hours with one decimal, for charts whose axis is in hours. */
export function minutesToHours(minutes: number | null | undefined): number | null {
  return minutes === null || minutes === undefined ? null : roundTo(minutes / 60, 1);
}

/** Rounds half away from zero to `digits` decimals. */
export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(n) * Math.round(Math.abs(n) * f)) / f;
}

/** A plain number, trimmed: 12, 12.5, 1,250. */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return numberFormat({ maximumFractionDigits: digits }).format(n);
}

/**
 * A readiness score out of 100, to one decimal when it has one: "49.6", "72". The model
 * keeps one decimal, so this never shows 50 for a 49.6 that the band treats as below 50.
 */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return "—";
  return formatNumber(roundTo(score, 1), 1);
}

/** A signed difference of scores: "+3.5", "−2", "0". */
export function formatScoreDelta(delta: number): string {
  const r = roundTo(delta, 1);
  if (r === 0) return "0";
  return `${r > 0 ? "+" : "−"}${formatNumber(Math.abs(r), 1)}`;
}

/**
 * A ratio in [0, 1] as a percentage: 0.996 → "99.6%" with `digits` 1, "100%" with 0.
 * The default of one decimal keeps 99.6% from reading as a gate's 100%.
 */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "—";
  return `${formatNumber(roundTo(ratio * 100, digits), digits)}%`;
}

/** A rate per 1,000 actions: "2.35". */
export function formatRate(rate: number | null | undefined): string {
  return formatNumber(rate === null || rate === undefined ? rate : roundTo(rate, 2), 2);
}

/** Currencies offered in the organisation settings (ISO 4217). */
export const CURRENCIES = [
  "GBP",
  "EUR",
  "USD",
  "CHF",
  "CAD",
  "AUD",
  "JPY",
  "SEK",
  "NOK",
  "DKK",
  "NZD",
  "SGD",
  "HKD",
  "INR",
  "PLN",
  "ZAR",
] as const;
export type Currency = (typeof CURRENCIES)[number];

const currencyNames = new Intl.DisplayNames("en-GB", { type: "currency" });

/** "GBP · British Pound": a currency as the settings offer it. */
export function formatCurrencyName(currency: string): string {
  return `${currency} · ${currencyNames.of(currency) ?? currency}`;
}

/** "£180,000", "€1,200", "$950": whole currency units with the organisation's currency. */
export function formatMoney(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  return numberFormat({
    style: "currency",
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(amount);
}

/** "£180k", "£1.2m": short amounts for chart axes. */
export function formatMoneyShort(amount: number | null | undefined, currency: string): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  return numberFormat({
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(amount);
}
