import { describe, expect, test } from "vitest";
import { resolveFormSchema } from "@/app/o/[org]/incidents/schemas";
import {
  incidentStartError,
  type PilotHistory,
  pilotStartedAt,
  stageAt,
} from "@/lib/domain/incidents";
import { resolutionNoteError } from "@/lib/domain/incidents/schemas";

const at = (iso: string) => new Date(iso);

/** Recorded on 1 March, backdated to a 1 February start, promoted on 1 April, rolled back 1 May. */
const backdated: PilotHistory = {
  startDate: "2026-02-01",
  createdAt: at("2026-03-01T10:00:00Z"),
  stages: [
    { at: at("2026-03-01T10:00:00Z"), stage: "shadow" },
    { at: at("2026-04-01T09:00:00Z"), stage: "supervised" },
    { at: at("2026-05-01T09:00:00Z"), stage: "shadow" },
  ],
};

/** Recorded on 1 March and planned to start on 15 March. */
const plannedAhead: PilotHistory = {
  startDate: "2026-03-15",
  createdAt: at("2026-03-01T10:30:00Z"),
  stages: [{ at: at("2026-03-01T10:30:00Z"), stage: "sandbox" }],
};

describe("when a pilot started", () => {
  test.each<[string, PilotHistory, string]>([
    ["a backdated start date", backdated, "2026-02-01T00:00:00.000Z"],
    ["recorded before its start date", plannedAhead, "2026-03-01T10:30:00.000Z"],
    [
      "without a timeline",
      { startDate: "2026-06-01", createdAt: at("2026-06-03T08:00:00Z"), stages: [] },
      "2026-06-01T00:00:00.000Z",
    ],
  ])("%s", (_name, history, expected) => {
    expect(pilotStartedAt(history).toISOString()).toBe(expected);
  });
});

describe("the stage an incident is filed under", () => {
  test.each<[string, string | null]>([
    // Between the backdated start and the recording: the stage it started in.
    ["2026-02-10T12:00:00Z", "shadow"],
    ["2026-03-01T10:00:00Z", "shadow"],
    ["2026-04-01T08:59:59Z", "shadow"],
    ["2026-04-01T09:00:00Z", "supervised"],
    ["2026-04-20T00:00:00Z", "supervised"],
    // After the rollback: back in shadow, not the stage it reached before.
    ["2026-05-02T00:00:00Z", "shadow"],
  ])("at %s → %s", (when, stage) => {
    expect(stageAt(backdated, at(when))).toBe(stage);
  });

  test("a pilot without a timeline has no stage to give", () => {
    expect(stageAt({ ...backdated, stages: [] }, at("2026-04-20T00:00:00Z"))).toBeNull();
  });
});

describe("an incident must not start before its pilot", () => {
  test("refused before the start date, with the date in the message", () => {
    expect(incidentStartError(backdated, at("2026-01-31T23:59:00Z"))).toBe(
      "The pilot started on 1 Feb 2026: an incident of this pilot cannot start before then.",
    );
  });

  test("a pilot that started during a day is quoted to the minute", () => {
    expect(incidentStartError(plannedAhead, at("2026-03-01T09:00:00Z"))).toBe(
      "The pilot started on 1 Mar 2026, 10:30 UTC: an incident of this pilot cannot start before then.",
    );
  });

  test.each(["2026-02-01T00:00:00Z", "2026-02-15T00:00:00Z", "2026-06-01T00:00:00Z"])(
    "accepted at %s",
    (when) => {
      expect(incidentStartError(backdated, at(when))).toBeNull();
    },
  );
});

describe("a resolution needs a note", () => {
  const resolvedAt = at("2026-04-02T10:00:00Z");
  const REQUIRED = "Say how it was resolved: what fixed it, and anything left to do.";
  test.each<[string, Parameters<typeof resolutionNoteError>[0], string | null]>([
    [
      "resolving without one",
      { wasResolved: false, hadNote: false, resolvedAt, note: null },
      REQUIRED,
    ],
    [
      "resolving with blanks",
      { wasResolved: false, hadNote: false, resolvedAt, note: "  " },
      REQUIRED,
    ],
    [
      "resolving with one",
      { wasResolved: false, hadNote: false, resolvedAt, note: "Rolled back." },
      null,
    ],
    ["staying open", { wasResolved: false, hadNote: false, resolvedAt: null, note: null }, null],
    [
      "removing the note of a resolved one",
      { wasResolved: true, hadNote: true, resolvedAt, note: "" },
      REQUIRED,
    ],
    [
      "editing one resolved before notes were kept",
      { wasResolved: true, hadNote: false, resolvedAt, note: null },
      null,
    ],
  ])("%s", (_name, change, expected) => {
    expect(resolutionNoteError(change)).toBe(expected);
  });

  test("the resolve form's note is required, trimmed and bounded", () => {
    expect(
      resolveFormSchema.safeParse({ version: "3", resolutionNote: " " }).error?.issues,
    ).toEqual([expect.objectContaining({ path: ["resolutionNote"], message: REQUIRED })]);
    expect(resolveFormSchema.safeParse({ version: "3" }).error?.issues[0]?.message).toBe(REQUIRED);
    expect(
      resolveFormSchema.safeParse({ version: "3", resolutionNote: "x".repeat(2001) }).error
        ?.issues[0]?.message,
    ).toBe("Use at most 2,000 characters.");
    expect(resolveFormSchema.parse({ version: "3", resolutionNote: " Rolled back. " })).toEqual({
      version: 3,
      resolutionNote: "Rolled back.",
    });
  });
});
