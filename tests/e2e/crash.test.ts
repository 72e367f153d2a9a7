import { expect, test } from "vitest";
import { runCrashTest } from "@/scripts/crash-test";

// Its own server and data directory (not the shared e2e server): it kills the server five
// times while API writes are in flight, and every acknowledged write must survive.
test("kill -9 during API writes, five times: no acknowledged write is lost or duplicated", async () => {
  const result = await runCrashTest();
  expect(result.kills).toBe(5);
  expect(result.lost).toEqual([]);
  expect(result.duplicates).toEqual([]);
  expect(result.acknowledged).toBe(result.writes);
  expect(result.present).toBe(result.acknowledged);
}, 300_000);
