import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The import rules of STYLE.md, checked on the source tree: imports point one way, client
 * components cannot reach the database or the session code, lib/domain stays pure, and a route's
 * private components stay private.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "db"];

type SourceFile = { file: string; client: boolean; server: boolean; imports: string[] };

function walk(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : walk(rel);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [rel] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|(?:^|\n)\s*import\s+["']([^"']+)["']/g;

function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith("@/") && !spec.startsWith(".")) return spec;
  const base = spec.startsWith("@/")
    ? spec.slice(2)
    : path.normalize(path.join(path.dirname(from), spec));
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return base;
}

const files = new Map<string, SourceFile>(
  SOURCE_DIRS.flatMap(walk).map((file) => {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    const imports = [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1] ?? m[2] ?? ""));
    return [
      file,
      {
        file,
        client: /^\s*["']use client["']/.test(text),
        server: /^\s*["']use server["']/.test(text),
        imports,
      },
    ];
  }),
);

const local = (spec: string) => files.has(spec);
const isUnder = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);

function violations(rule: (file: SourceFile, target: string) => boolean): string[] {
  return [...files.values()].flatMap((f) =>
    f.imports.filter((target) => rule(f, target)).map((target) => `${f.file} → ${target}`),
  );
}

describe("import boundaries", () => {
  test("the source tree is found", () => {
    expect(files.size).toBeGreaterThan(100);
    expect([...files.values()].some((f) => f.client)).toBe(true);
  });

  test("lib/domain imports nothing of the app, no framework and no Node module", () => {
    const found = violations(
      (f, t) =>
        isUnder(f.file, "lib/domain") &&
        (local(t)
          ? !isUnder(t, "lib/domain") &&
            !["lib/errors.ts", "lib/format.ts", "lib/text.ts"].includes(t)
          : /^(node:|next|react|drizzle-orm|postgres|@electric-sql|next-auth)/.test(t)),
    );
    expect(found).toEqual([]);
  });

  test("db/ imports no session code, route, component or framework module", () => {
    const found = violations(
      (f, t) =>
        isUnder(f.file, "db") &&
        (isUnder(t, "lib/auth") ||
          isUnder(t, "app") ||
          isUnder(t, "components") ||
          /^(next|react)/.test(t)),
    );
    expect(found).toEqual([]);
  });

  test("components receive data as props: they import nothing from db/", () => {
    const found = violations((f, t) => isUnder(f.file, "components") && isUnder(t, "db"));
    expect(found).toEqual([]);
  });

  test("no client component can reach db/, lib/auth or the mailer, even indirectly", () => {
    const forbidden = (t: string) =>
      isUnder(t, "db") || isUnder(t, "lib/auth") || isUnder(t, "lib/mail");
    const reached = (start: string): string[] => {
      const seen = new Set<string>();
      const stack = [start];
      const bad: string[] = [];
      while (stack.length) {
        const file = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const target of files.get(file)?.imports ?? []) {
          // A type-only import never reaches the browser bundle; the regex cannot tell them
          // apart, so the rule is strict: keep client imports of db/ out entirely.
          // A client may call server actions: the bundle gets a reference, not the module.
          if (files.get(target)?.server) continue;
          if (forbidden(target)) bad.push(`${file} → ${target}`);
          else if (local(target)) stack.push(target);
        }
      }
      return bad;
    };
    const found = [...files.values()].filter((f) => f.client).flatMap((f) => reached(f.file));
    expect([...new Set(found)]).toEqual([]);
  });

  test("a route's _components are imported only from inside that route", () => {
    const found = violations((f, t) => {
      const at = t.indexOf("/_components/");
      if (!isUnder(t, "app") || at === -1) return false;
      return !isUnder(f.file, t.slice(0, at));
    });
    expect(found).toEqual([]);
  });

  test("routes reach the database only through db/queries, and take enums from lib/domain", () => {
    const found = violations(
      (f, t) => isUnder(f.file, "app") && isUnder(t, "db") && !isUnder(t, "db/queries"),
    );
    expect(found).toEqual([]);
  });

  test("the query helpers that check no permission stay inside db/: nothing in app/, components/ or lib/ imports db/queries/internal", () => {
    expect(files.has("db/queries/internal/audit.ts")).toBe(true);
    const found = violations(
      (f, t) =>
        ["app", "components", "lib"].some((dir) => isUnder(f.file, dir)) &&
        isUnder(t, "db/queries/internal"),
    );
    expect(found).toEqual([]);
  });
});
