import { ID_COLLECTIONS, type OrgDocument, orgDocumentSchema } from "./schema";

export {
  ID_COLLECTIONS,
  ORG_DOCUMENT_FORMAT,
  ORG_DOCUMENT_VERSION,
  type OrgDocument,
  type OrgDocumentPerson,
  orgDocumentSchema,
  previousChain,
} from "./schema";

/** What is wrong, and where: a dotted path in the document ("useCases.3.name"). */
export type OrgDocumentProblem = { path: string; message: string };

export type OrgDocumentReading =
  | { ok: true; document: OrgDocument }
  | { ok: false; problems: OrgDocumentProblem[] };

/** Every problem, one "path: message" line each, under a line saying nothing was imported. */
export function describeProblems(problems: OrgDocumentProblem[]): string {
  const lines = problems.map((p) => `  ${p.path}: ${p.message}`);
  return `The document has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was imported:\n${lines.join("\n")}`;
}

/** Checks a parsed document whole, listing every problem with its path. */
export function checkOrgDocument(value: unknown): OrgDocumentReading {
  const parsed = orgDocumentSchema.safeParse(value);
  if (parsed.success) return { ok: true, document: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "(document)",
      message: issue.message,
    })),
  };
}

/** Reads an exported file's text: JSON first (a cut-off file says where it stops), then the schema. */
export function readOrgDocument(text: string): OrgDocumentReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A file cut between two values ends without a position in the parser's message: say it.
    const where = /(position|line) \d+/.test(reason)
      ? ""
      : ` at position ${text.length}, where the file stops`;
    return {
      ok: false,
      problems: [{ path: "(document)", message: `Not complete JSON: ${reason}${where}` }],
    };
  }
  return checkOrgDocument(value);
}

/** How many rows of each kind a document holds, for messages and the audit log. */
export function countOrgDocument(doc: OrgDocument) {
  return {
    members: doc.people.filter((p) => p.membership).length,
    useCases: doc.useCases.length,
    assessments: doc.assessments.length,
    pilots: doc.pilots.length,
    runMetrics: doc.runMetrics.length,
    incidents: doc.incidents.length,
    workshops: doc.workshops.length,
    auditEvents: doc.auditEvents.length,
  };
}

const COUNT_WORDS: Record<keyof ReturnType<typeof countOrgDocument>, string> = {
  members: "members",
  useCases: "use cases",
  assessments: "assessments",
  pilots: "pilots",
  runMetrics: "run metrics",
  incidents: "incidents",
  workshops: "workshops",
  auditEvents: "audit events",
};

/** "4 members, 6 use cases, … and 753 audit events". */
export function describeCounts(counts: ReturnType<typeof countOrgDocument>): string {
  const parts = Object.entries(counts).map(
    ([key, n]) => `${n} ${COUNT_WORDS[key as keyof typeof COUNT_WORDS]}`,
  );
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/**
 * Replaces every string that is a key of `ids` with its value, anywhere in `value` (columns
 * and the JSON the rows carry: inventory snapshots, gate results, audit before/after).
 */
export function replaceIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return ids.get(v) ?? v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

const createdKey = (row: object) =>
  "createdAt" in row && typeof row.createdAt === "string" ? row.createdAt : "";

/**
 * The document in an order that does not depend on its ids, so that an export, imported and
 * exported again, lists everything in the same order: people by email; rows by creation time,
 * then by content, with the rows they refer to standing in by position. The audit log keeps
 * the order it was written in.
 */
export function orderOrgDocument(doc: OrgDocument): OrgDocument {
  const ordinals = new Map<string, string>();
  const out = { ...doc };
  const sortKey = (row: object) => {
    const { id: _id, ...rest } = row as { id?: string };
    return `${createdKey(row)}\u0000${JSON.stringify(replaceIds(rest, ordinals))}`;
  };
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  // Nested answers first, since the rows holding them are ordered by their content.
  const byQuestion = <A extends { questionId: string }>(answers: A[]) =>
    [...answers].sort((x, y) => compare(x.questionId, y.questionId));
  out.assessments = out.assessments.map((a) => ({ ...a, answers: byQuestion(a.answers) }));
  out.workshops = out.workshops.map((w) => ({ ...w, consensus: byQuestion(w.consensus) }));
  out.workshopParticipants = out.workshopParticipants.map((p) => ({
    ...p,
    answers: byQuestion(p.answers),
  }));
  for (const collection of ID_COLLECTIONS) {
    const rows = [...out[collection]] as { id: string; email?: string }[];
    if (collection === "people") rows.sort((a, b) => compare(a.email ?? "", b.email ?? ""));
    else {
      const keyed = rows.map((row) => ({ row, key: sortKey(row) }));
      keyed.sort((a, b) => compare(a.key, b.key));
      rows.splice(0, rows.length, ...keyed.map((k) => k.row));
    }
    rows.forEach((row, i) => {
      ordinals.set(row.id, `#${collection}.${i}`);
    });
    (out as Record<string, unknown>)[collection] = rows;
  }
  return out;
}
