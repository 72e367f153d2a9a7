import { describe, expect, test } from "vitest";
import { useCaseFormSchema } from "@/app/o/[org]/use-cases/schemas";
import {
  MAX_MONEY_AMOUNT,
  moneyHowTo,
  moneyInputSchema,
  parseMoneyInput,
} from "@/lib/domain/money";
import { CURRENCIES } from "@/lib/format";

const HOW_TO_GBP = "Write a whole amount in GBP, like 180000, 180,000 or 180k.";

describe("parseMoneyInput accepts amounts that can mean only one thing", () => {
  test.each([
    ["180000", "GBP", 180_000],
    ["180,000", "GBP", 180_000],
    ["£180,000", "GBP", 180_000],
    ["£ 180,000", "GBP", 180_000],
    ["180 000", "GBP", 180_000],
    ["180\u00a0000", "GBP", 180_000],
    ["180\u202f000", "GBP", 180_000],
    ["180'000", "CHF", 180_000],
    ["180_000", "GBP", 180_000],
    ["1,200,000", "GBP", 1_200_000],
    ["1.200.000", "EUR", 1_200_000],
    ["180k", "GBP", 180_000],
    ["180K", "GBP", 180_000],
    ["180 k", "GBP", 180_000],
    ["£180k", "GBP", 180_000],
    ["1.2m", "GBP", 1_200_000],
    ["1.25M", "GBP", 1_250_000],
    ["2mn", "GBP", 2_000_000],
    ["1.5bn", "GBP", 1_500_000_000],
    ["180 thousand", "GBP", 180_000],
    ["1.500k", "GBP", 1_500],
    ["1.5k", "GBP", 1_500],
    ["€180,000", "EUR", 180_000],
    ["180,000 €", "EUR", 180_000],
    ["GBP 180,000", "GBP", 180_000],
    ["180000 gbp", "GBP", 180_000],
    ["180k GBP", "GBP", 180_000],
    ["US$180,000", "USD", 180_000],
    ["$180,000", "USD", 180_000],
    ["$180,000", "CAD", 180_000],
    ["CA$180k", "CAD", 180_000],
    ["¥18,000,000", "JPY", 18_000_000],
    ["180 000 kr", "SEK", 180_000],
    ["180000kr", "NOK", 180_000],
    ["CHF 180'000", "CHF", 180_000],
    ["Fr. 180'000", "CHF", 180_000],
    ["₹180,000", "INR", 180_000],
    ["₹1,80,000", "INR", 180_000],
    ["1,20,00,000", "INR", 12_000_000],
    ["R180 000", "ZAR", 180_000],
    ["180 000 zł", "PLN", 180_000],
    ["+180000", "GBP", 180_000],
    ["180000.00", "GBP", 180_000],
    ["180,000.0", "GBP", 180_000],
    ["0", "GBP", 0],
    ["007", "GBP", 7],
    ["  180k  ", "GBP", 180_000],
    ["１８０ｋ", "GBP", 180_000],
    ["10000000000000", "GBP", MAX_MONEY_AMOUNT],
  ])("%j in %s → %d", (text, currency, amount) => {
    expect(parseMoneyInput(text, currency)).toEqual({ ok: true, amount });
  });

  test.each(["", "   ", "\t\n"])("%j is no amount (null)", (text) => {
    expect(parseMoneyInput(text, "GBP")).toEqual({ ok: true, amount: null });
  });
});

describe("parseMoneyInput refuses, saying why and how to write it", () => {
  test.each([
    // Another currency's symbol or code.
    ["€180,000", "GBP", "€ is not GBP."],
    ["$180,000", "GBP", "$ is not GBP."],
    ["US$180,000", "CAD", "US$ is not CAD."],
    ["180,000 USD", "GBP", "USD is not GBP."],
    ["EUR 180k", "GBP", "EUR is not GBP."],
    ["£180,000", "EUR", "£ is not EUR."],
    ["₩180,000", "GBP", "₩ is not GBP."],
    ["180 000 kr", "EUR", "kr is not EUR."],
    ["€lots", "GBP", "“€lots” is not an amount."],
    // Negative amounts, however they are written.
    ["-180000", "GBP", "An amount cannot be negative."],
    ["−180,000", "GBP", "An amount cannot be negative."],
    ["-£180k", "GBP", "An amount cannot be negative."],
    ["£-180k", "GBP", "An amount cannot be negative."],
    ["(180,000)", "GBP", "An amount cannot be negative."],
    ["180000-", "GBP", "An amount cannot be negative."],
    // Fractions of a unit.
    ["180000.50", "GBP", "“180000.50” is not a whole amount."],
    ["1.2345k", "GBP", "“1.2345k” is not a whole amount."],
    ["£99.99", "GBP", "“£99.99” is not a whole amount."],
    // Ambiguous or malformed numbers.
    ["180.000", "GBP", "“180.000” could mean 180000 or 180."],
    ["1.250", "EUR", "“1.250” could mean 1250 or 1."],
    ["1.200.000,50", "EUR", "“1.200.000,50” is not an amount."],
    ["18,0000", "GBP", "“18,0000” is not an amount."],
    ["180,000 000", "GBP", "“180,000 000” is not an amount."],
    ["1,2", "GBP", "“1,2” is not an amount."],
    ["1,80,000", "GBP", "“1,80,000” is not an amount."],
    ["1e6", "GBP", "“1e6” is not an amount."],
    [".5m", "GBP", "“.5m” is not an amount."],
    ["180kk", "GBP", "“180kk” is not an amount."],
    // Text.
    ["lots", "GBP", "“lots” is not an amount."],
    ["abc", "GBP", "“abc” is not an amount."],
    ["GBP", "GBP", "“GBP” is not an amount."],
    ["about 180k", "GBP", "“about 180k” is not an amount."],
    ["180k per year", "GBP", "“180k per year” is not an amount."],
    ["a".repeat(60), "GBP", `“${"a".repeat(40)}…” is not an amount.`],
    // Too large.
    ["10000000000001", "GBP", "That is more than 10,000,000,000,000."],
    ["99999999999999999999999", "GBP", "That is more than 10,000,000,000,000."],
    ["20bn", "GBP", null],
  ])("%j in %s", (text, currency, reason) => {
    const result = parseMoneyInput(text, currency);
    if (reason === null) {
      expect(result).toEqual({ ok: true, amount: 20_000_000_000 });
      return;
    }
    expect(result).toEqual({ ok: false, message: `${reason} ${moneyHowTo(currency)}` });
  });

  test("the message names the organisation's currency", () => {
    expect(parseMoneyInput("lots", "GBP")).toEqual({
      ok: false,
      message: `“lots” is not an amount. ${HOW_TO_GBP}`,
    });
    expect(moneyHowTo("JPY")).toBe("Write a whole amount in JPY, like 180000, 180,000 or 180k.");
  });

  test("a lower maximum is honoured", () => {
    expect(parseMoneyInput("2m", "GBP", { max: 1_000_000 })).toEqual({
      ok: false,
      message: `That is more than 1,000,000. ${HOW_TO_GBP}`,
    });
  });
});

describe("every offered currency", () => {
  test.each(CURRENCIES)("%s: its code and plain numbers are accepted, other codes refused", (c) => {
    expect(parseMoneyInput(`${c} 180,000`, c)).toEqual({ ok: true, amount: 180_000 });
    expect(parseMoneyInput("180k", c)).toEqual({ ok: true, amount: 180_000 });
    const other = c === "GBP" ? "EUR" : "GBP";
    expect(parseMoneyInput(`${other} 180,000`, c)).toEqual({
      ok: false,
      message: `${other} is not ${c}. ${moneyHowTo(c)}`,
    });
  });

  test.each(CURRENCIES)("%s: the way formatMoney writes an amount reads back", async (c) => {
    const { formatMoney } = await import("@/lib/format");
    expect(parseMoneyInput(formatMoney(180_000, c), c)).toEqual({ ok: true, amount: 180_000 });
  });
});

describe("moneyInputSchema", () => {
  const schema = moneyInputSchema("GBP");

  test("text and whole numbers in, a whole number or null out", () => {
    expect(schema.parse("£180k")).toBe(180_000);
    expect(schema.parse(" ")).toBeNull();
    expect(schema.parse(250_000)).toBe(250_000);
  });

  test.each([
    ["€180,000", `€ is not GBP. ${HOW_TO_GBP}`],
    [-5, `An amount cannot be negative. ${HOW_TO_GBP}`],
    [1.5, `“1.5” is not a whole amount. ${HOW_TO_GBP}`],
    [Number.NaN, `“NaN” is not an amount. ${HOW_TO_GBP}`],
    [true, HOW_TO_GBP],
  ])("%j is a field error with the message", (value, message) => {
    const result = schema.safeParse(value);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe("the use case form reads the annual value in the organisation's currency", () => {
  const form = {
    name: "Refunds",
    description: "",
    ownerId: "",
    businessValue: "3",
    systems: "",
  };

  test.each([
    ["£180,000", "GBP", 180_000],
    ["180k", "EUR", 180_000],
    ["1.2m", "USD", 1_200_000],
    ["", "GBP", null],
  ])("%j in %s → %j", (annualValue, currency, amount) => {
    const parsed = useCaseFormSchema(currency).safeParse({ ...form, annualValue });
    expect(parsed.data?.annualValue).toBe(amount);
  });

  test.each([
    ["€180,000", "GBP", `€ is not GBP. ${HOW_TO_GBP}`],
    ["-5", "GBP", `An amount cannot be negative. ${HOW_TO_GBP}`],
    ["lots", "GBP", `“lots” is not an amount. ${HOW_TO_GBP}`],
    ["£180k", "EUR", `£ is not EUR. ${moneyHowTo("EUR")}`],
  ])("%j in %s is a field error on annualValue", (annualValue, currency, message) => {
    const parsed = useCaseFormSchema(currency).safeParse({ ...form, annualValue });
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["annualValue", message],
    ]);
  });
});
