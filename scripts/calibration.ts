/**
 * Scores the calibration set (tests/fixtures/reference-cases) and prints the table the README
 * shows. `--write` replaces the table between the README's calibration markers.
 */
import fs from "node:fs";
import path from "node:path";
import { calibrationTable } from "./lib/reference-cases";

const table = calibrationTable();
if (process.argv.includes("--write")) {
  const readme = path.resolve(import.meta.dirname, "../README.md");
  const text = fs.readFileSync(readme, "utf8");
  const start = "<!-- calibration:start -->";
  const end = "<!-- calibration:end -->";
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} markers`);
  fs.writeFileSync(readme, `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`);
  console.log("README.md calibration table updated.");
} else {
  console.log(table);
}
