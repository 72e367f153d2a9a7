import { z } from "zod";
import type { Currency } from "@/lib/format";

/**
 * Reading amounts as people type them: "£180,000", "180k", "1.2m", "180 000", "GBP 180000".
 * An amount is accepted only when it can mean one thing in the organisation's currency:
 * whole units, no currency symbol but the organisation's own, thousands separators in groups
 * of three, and an optional k/m/bn suffix. Anything else is refused with a message that says
 * how to write it, never guessed.
 */

/** The largest amount accepted: ten trillion, as the API's limit. */
export const MAX_MONEY_AMOUNT = 10_000_000_000_000;

/** Symbols people type for each offered currency, besides its ISO code ("$" is every dollar's). */
const OWN_SYMBOLS: Record<Currency, readonly string[]> = {
  GBP: ["£"],
  EUR: ["€"],
  USD: ["$", "US$"],
  CHF: ["Fr.", "Fr", "SFr."],
  CAD: ["$", "CA$", "C$"],
  AUD: ["$", "A$", "AU$"],
  JPY: ["¥", "JP¥", "円"],
  SEK: ["kr", "kr."],
  NOK: ["kr", "kr."],
  DKK: ["kr", "kr."],
  NZD: ["$", "NZ$"],
  SGD: ["$", "S$", "SG$"],
  HKD: ["$", "HK$"],
  INR: ["₹", "Rs", "Rs."],
  PLN: ["zł"],
  ZAR: ["R"],
};

/** Symbols of currencies not offered, recognised so they are refused by name, not as text. */
const OTHER_SYMBOLS = ["₩", "₽", "₺", "R$", "₪", "฿", "₫", "₱", "₦", "元", "CN¥", "MX$", "₴", "₸"];

const SYMBOLS = [...new Set([...Object.values(OWN_SYMBOLS).flat(), ...OTHER_SYMBOLS])].sort(
  (a, b) => b.length - a.length,
);

/** Every ISO 4217 code the runtime knows, so "USD" reads as a currency and "abc" as text. */
const ISO_CODES = new Set(
  typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [],
);

const MULTIPLIERS: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  mn: 6,
  million: 6,
  bn: 9,
  billion: 9,
};

export type MoneyInputResult = { ok: true; amount: number | null } | { ok: false; message: string };

/** "Write a whole amount in GBP, like 180000, 180,000 or 180k.": how every refusal ends. */
export function moneyHowTo(currency: string): string {
  return `Write a whole amount in ${currency}, like 180000, 180,000 or 180k.`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A currency marker at the start or end of the text: a known symbol or an ISO code. */
function takeMarker(text: string, at: "start" | "end"): { marker: string | null; rest: string } {
  // Symbols as written ("kr", "R" and "Fr" are not "KR", "r" or "fr"), codes in any case.
  const candidates: [string, string][] = [
    ...SYMBOLS.map((s): [string, string] => [escapeRegExp(s), ""]),
    ["[A-Za-z]{3}", "i"],
  ];
  for (const [pattern, flags] of candidates) {
    const re =
      at === "start"
        ? new RegExp(`^(${pattern})(?=[\\s\\d.+\\-−–(]|$)`, flags)
        : new RegExp(`(?<=[\\s\\d.kKmMnN])(${pattern})$`, flags);
    const match = re.exec(text);
    if (!match?.[1]) continue;
    const marker = match[1];
    // Three letters are a currency only when they are an ISO code: "abc" is just text.
    if (flags === "i" && !ISO_CODES.has(marker.toUpperCase())) continue;
    const rest = at === "start" ? text.slice(marker.length) : text.slice(0, -marker.length);
    return { marker: flags === "i" ? marker.toUpperCase() : marker, rest: rest.trim() };
  }
  return { marker: null, rest: text };
}

/** Whether a marker ("£", "US$", "EUR", "kr") stands for the currency. */
function markerMatches(marker: string, currency: string): boolean {
  if (/^[A-Z]{3}$/.test(marker)) return marker === currency;
  return (OWN_SYMBOLS[currency as Currency] ?? []).includes(marker);
}

/**
 * Reads an amount typed in `currency` (an ISO 4217 code): whole units, optionally with the
 * currency's own symbol or code, thousands separators (comma, space, apostrophe, underscore,
 * or dots when there are several groups) and a k, m or bn suffix ("1.2m"). Empty text is no
 * amount (null). Refuses another currency's symbol, negative amounts, fractions of a unit,
 * "180.000" (180 or 180,000?) and text, each with a message ending in how to write it.
 */
export function parseMoneyInput(
  text: string,
  currency: string,
  options: { max?: number } = {},
): MoneyInputResult {
  const max = options.max ?? MAX_MONEY_AMOUNT;
  const howTo = moneyHowTo(currency);
  const refuse = (reason: string): MoneyInputResult => ({
    ok: false,
    message: `${reason} ${howTo}`,
  });
  const typed = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (typed === "") return { ok: true, amount: null };
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;

  let rest = typed;
  let negative = false;
  if (/^\(.*\)$/.test(rest)) {
    negative = true;
    rest = rest.slice(1, -1).trim();
  }
  const takeSign = () => {
    const sign = /^[-−–+]\s*/.exec(rest);
    if (!sign) return;
    if (sign[0].trim() !== "+") negative = true;
    rest = rest.slice(sign[0].length);
  };
  takeSign();
  const markers: string[] = [];
  const start = takeMarker(rest, "start");
  if (start.marker) {
    markers.push(start.marker);
    rest = start.rest;
  }
  takeSign();
  const end = takeMarker(rest, "end");
  if (end.marker) {
    markers.push(end.marker);
    rest = end.rest;
  }
  if (/[-−–]$/.test(rest)) {
    negative = true;
    rest = rest.slice(0, -1).trim();
  }
  let exponent = 0;
  const suffix = /(?<=[\d.\s])(k|thousand|mn|m|million|bn|billion)$/i.exec(rest);
  if (suffix?.[1]) {
    exponent = MULTIPLIERS[suffix[1].toLowerCase()] ?? 0;
    rest = rest.slice(0, -suffix[1].length).trim();
  }

  const foreign = markers.find((m) => !markerMatches(m, currency));
  if (foreign) return refuse(`${foreign} is not ${currency}.`);
  // Rupees are also grouped in lakhs and crores: 1,80,000 and 1,20,00,000.
  const grouping = currency === "INR" ? /^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/ : null;
  if (grouping?.test(rest)) rest = rest.replaceAll(",", "");
  const number = /^(\d+(?:([,' ’_.])\d{3}(?:\2\d{3})*)?)(?:\.(\d+))?$/.exec(rest);
  if (!number?.[1]) return refuse(`“${shown}” is not an amount.`);
  if (negative) return refuse("An amount cannot be negative.");

  const separator = number[2];
  let whole = number[1];
  let fraction = number[3] ?? "";
  if (separator === "." && whole.split(".").length === 2) {
    // One dot and three digits: 180.000 is 180 in English and 180,000 in much of Europe;
    // with a suffix the dot can only be a decimal point (1.500k).
    if (exponent === 0) {
      return refuse(`“${shown}” could mean ${whole.replace(".", "")} or ${whole.split(".")[0]}.`);
    }
    if (fraction) return refuse(`“${shown}” is not an amount.`);
    [whole, fraction] = whole.split(".") as [string, string];
  } else if (separator === "." && fraction) {
    return refuse(`“${shown}” is not an amount.`);
  }
  const digits = whole.replace(/\D/g, "") + fraction;
  const shift = exponent - fraction.length;
  let units: string;
  if (shift >= 0) {
    units = digits + "0".repeat(shift);
  } else {
    if (!/^0*$/.test(digits.slice(shift))) return refuse(`“${shown}” is not a whole amount.`);
    units = digits.slice(0, shift) || "0";
  }
  units = units.replace(/^0+(?=\d)/, "");
  if (units.length > 16 || Number(units) > max) {
    return refuse(`That is more than ${new Intl.NumberFormat("en-GB").format(max)}.`);
  }
  return { ok: true, amount: Number(units) };
}

/**
 * The zod field for an amount typed in `currency`: text (or a whole number) in, a whole
 * number or null (left empty) out, or a field error that says how to write it. For forms:
 * `annualValue: moneyInputSchema(member.currency)`.
 */
export function moneyInputSchema(currency: string, options: { max?: number } = {}) {
  return z
    .custom<string | number>((v) => typeof v === "string" || typeof v === "number", {
      message: moneyHowTo(currency),
    })
    .transform((value, ctx): number | null => {
      const result = parseMoneyInput(String(value), currency, options);
      if (result.ok) return result.amount;
      ctx.addIssue({ code: "custom", message: result.message });
      return z.NEVER;
    });
}
