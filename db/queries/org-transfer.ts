import { randomBytes, randomUUID } from "node:crypto";
import { asc, eq, getTableColumns, inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db";
import {
  assessmentAnswers,
  assessments,
  auditEvents,
  gateOverrideRequests,
  incidents,
  inventoryActions,
  memberships,
  organisations,
  pilotAssumptions,
  pilotSignoffs,
  pilots,
  pilotTransitions,
  runMetrics,
  useCases,
  users,
  workshopAnswers,
  workshopConsensus,
  workshopParticipants,
  workshops,
} from "@/db/schema";
import { randomSecret, sha256 } from "@/lib/crypto";
import { auditReferences } from "@/lib/domain/audit-sentences";
import {
  checkOrgDocument,
  countOrgDocument,
  describeProblems,
  ID_COLLECTIONS,
  ORG_DOCUMENT_FORMAT,
  ORG_DOCUMENT_VERSION,
  type OrgDocument,
  orderOrgDocument,
  previousChain,
  replaceIds,
} from "@/lib/domain/org-export";
import { type Actor, assertCan, type MemberContext } from "@/lib/domain/permissions";
import { JOIN_CODE_LENGTH, joinCodeFromBytes } from "@/lib/domain/workshops";
import { AppError, conflict, fieldErrorsFrom, notFound } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/slug";
import { rebuildIncidentRollups } from "./incident-rollups";
import { writeAudit } from "./internal/audit";
import { normaliseEmail } from "./users";
import { ownAnswerColumns } from "./workshop-participants";

/** The tables of an organisation's data, by the document collection they are exported as. */
const TABLES = {
  useCases,
  inventoryActions,
  assessments,
  pilots,
  pilotTransitions,
  pilotSignoffs,
  gateOverrideRequests,
  runMetrics,
  pilotAssumptions,
  incidents,
} as const;
type TableCollection = keyof typeof TABLES;

/** Dates as ISO strings, the way the document holds them. */
function isoDates(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/** Rows of `rows` grouped by the value of `key`, without it. */
function groupBy<K extends string, T extends Record<K, string>>(rows: T[], key: K) {
  const groups = new Map<string, Omit<T, K>[]>();
  for (const { [key]: at, ...rest } of rows) {
    groups.set(at, [...(groups.get(at) ?? []), rest as Omit<T, K>]);
  }
  return groups;
}

/**
 * An organisation's workshops with their consensus, and the people who joined them with their
 * answers. Join codes and participant sessions stay behind: a code is unique per installation
 * and a session is a secret.
 */
async function readWorkshops(tx: Executor, orgId: string) {
  const { joinCode: _code, orgId: _org, ...workshopColumns } = getTableColumns(workshops);
  const inOrg = eq(workshops.orgId, orgId);
  const [rows, consensus, participants, answers] = await Promise.all([
    tx.select(workshopColumns).from(workshops).where(inOrg),
    tx
      .select(getTableColumns(workshopConsensus))
      .from(workshopConsensus)
      .innerJoin(workshops, eq(workshops.id, workshopConsensus.workshopId))
      .where(inOrg),
    tx
      .select({
        id: workshopParticipants.id,
        workshopId: workshopParticipants.workshopId,
        userId: workshopParticipants.userId,
        displayName: workshopParticipants.displayName,
        roleTag: workshopParticipants.roleTag,
        createdAt: workshopParticipants.createdAt,
      })
      .from(workshopParticipants)
      .innerJoin(workshops, eq(workshops.id, workshopParticipants.workshopId))
      .where(inOrg),
    tx
      .select({
        participantId: workshopAnswers.participantId,
        ...ownAnswerColumns,
        updatedAt: workshopAnswers.updatedAt,
      })
      .from(workshopAnswers)
      .innerJoin(workshops, eq(workshops.id, workshopAnswers.workshopId))
      .where(inOrg),
  ]);
  const consensusOf = groupBy(consensus.map(isoDates) as { workshopId: string }[], "workshopId");
  const answersOf = groupBy(answers.map(isoDates) as { participantId: string }[], "participantId");
  return {
    workshops: rows.map((w) => ({ ...isoDates(w), consensus: consensusOf.get(w.id) ?? [] })),
    workshopParticipants: participants.map((p) => ({
      ...isoDates(p),
      answers: answersOf.get(p.id) ?? [],
    })),
  };
}

/** Every column of an organisation-scoped table but the organisation itself. */
function columnsWithoutOrg(table: PgTable) {
  const { orgId: _org, ...columns } = getTableColumns(table) as ReturnType<
    typeof getTableColumns
  > & { orgId: unknown };
  return columns;
}

async function readDocument(tx: Executor, orgId: string): Promise<OrgDocument> {
  const [org] = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      slug: organisations.slug,
      currency: organisations.currency,
      settings: organisations.settings,
      overridesNeedSecondApprover: organisations.overridesNeedSecondApprover,
      version: organisations.version,
      createdAt: organisations.createdAt,
      updatedAt: organisations.updatedAt,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  if (!org) throw notFound("The organisation");

  const rows = {} as Record<TableCollection, Record<string, unknown>[]>;
  for (const [collection, table] of Object.entries(TABLES) as [TableCollection, PgTable][]) {
    const found = await tx
      .select(columnsWithoutOrg(table))
      .from(table)
      .where(eq((table as typeof useCases).orgId, orgId));
    rows[collection] = found.map(isoDates);
  }
  const answers = await tx
    .select(columnsWithoutOrg(assessmentAnswers))
    .from(assessmentAnswers)
    .where(eq(assessmentAnswers.orgId, orgId));
  const { id: _id, orgId: _orgId, ...auditColumns } = getTableColumns(auditEvents);
  const audit = (
    await tx
      .select(auditColumns)
      .from(auditEvents)
      .where(eq(auditEvents.orgId, orgId))
      .orderBy(asc(auditEvents.id))
  ).map(isoDates);

  const members = await tx
    .select({
      userId: memberships.userId,
      role: memberships.role,
      version: memberships.version,
      createdAt: memberships.createdAt,
      updatedAt: memberships.updatedAt,
    })
    .from(memberships)
    .where(eq(memberships.orgId, orgId));
  const workshopData = await readWorkshops(tx, orgId);

  // Everyone the data names, members or not: owners of use cases, people who answered,
  // promoted, signed off or appear in the audit log.
  const personFields = [
    "ownerId",
    "createdBy",
    "submittedBy",
    "answeredBy",
    "actorUserId",
    "userId",
    "requestedBy",
    "decidedBy",
    "recordedBy",
    "updatedBy",
  ];
  const named = new Set<string>(members.map((m) => m.userId));
  for (const row of [
    ...Object.values(rows).flat(),
    ...answers,
    ...audit,
    ...workshopData.workshops,
    ...workshopData.workshops.flatMap((w) => w.consensus),
    ...workshopData.workshopParticipants,
  ]) {
    for (const field of personFields) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === "string") named.add(value);
    }
  }
  for (const userId of auditReferences(audit as never).userIds) named.add(userId);
  const people = named.size
    ? await tx
        .select({ id: users.id, email: users.email, name: users.name })
        .from(users)
        .where(inArray(users.id, [...named]))
    : [];
  const known = new Set(people.map((p) => p.id));
  const membershipOf = new Map(members.map(({ userId, ...m }) => [userId, isoDates(m)]));

  const answersOf = groupBy(answers.map(isoDates) as { assessmentId: string }[], "assessmentId");
  const raw = {
    format: ORG_DOCUMENT_FORMAT,
    version: ORG_DOCUMENT_VERSION,
    exportedAt: new Date().toISOString(),
    organisation: isoDates(org),
    people: people.map((p) => ({ ...p, membership: membershipOf.get(p.id) ?? null })),
    ...rows,
    assessments: rows.assessments.map((a) => ({
      ...a,
      answers: answersOf.get(a.id as string) ?? [],
    })),
    ...workshopData,
    // An actor deleted since has no person to point at; the event keeps their email and name.
    auditEvents: audit.map((e) => ({
      ...e,
      actorUserId:
        typeof e.actorUserId === "string" && known.has(e.actorUserId) ? e.actorUserId : null,
    })),
  };
  const checked = checkOrgDocument(raw);
  if (!checked.ok) {
    // The export must always be importable: a row it cannot express is a bug to fix here.
    const problems = checked.problems.map((p) => `${p.path}: ${p.message}`);
    throw new Error(`The export does not fit its own schema:\n${problems.join("\n")}`);
  }
  return orderOrgDocument(checked.document);
}

/**
 * The whole organisation as one document (owners only), without secrets; records that it was
 * exported, after reading, so the document does not hold its own export.
 */
export async function exportOrganisation(ctx: MemberContext): Promise<OrgDocument> {
  assertCan(ctx, "org:export");
  return db.transaction(async (tx) => {
    const document = await readDocument(tx, ctx.orgId);
    await writeAudit(tx, ctx.orgId, ctx.actor, {
      action: "organisation.exported",
      entityType: "organisation",
      entityId: ctx.orgId,
      after: { format: document.format, version: document.version, ...countOrgDocument(document) },
    });
    return document;
  });
}

/** An ISO string in the document becomes a Date for a timestamp column; the rest as they are. */
function toRow(table: PgTable, row: Record<string, unknown>, orgId: string) {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = "orgId" in columns ? { orgId } : {};
  for (const [key, value] of Object.entries(row)) {
    const column = columns[key];
    if (!column) continue;
    out[key] =
      column.columnType === "PgTimestamp" && typeof value === "string" ? new Date(value) : value;
  }
  return out;
}

async function insertAll(tx: Executor, table: PgTable, rows: Record<string, unknown>[]) {
  // Well below PostgreSQL's 65,535 parameters per statement for the widest table.
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(table).values(rows.slice(i, i + 500) as never);
  }
}

/** A join code no workshop of the installation has (31^6 codes: a collision is rare). */
async function freeJoinCode(tx: Executor): Promise<string> {
  for (;;) {
    const code = joinCodeFromBytes(randomBytes(JOIN_CODE_LENGTH));
    const [taken] = await tx
      .select({ id: workshops.id })
      .from(workshops)
      .where(eq(workshops.joinCode, code));
    if (!taken) return code;
  }
}

/**
 * Writes the document's workshops (ids already replaced) into the organisation `orgId`: each
 * gets a new join code, and each participant a session that has already ended, with the hash
 * of a secret nobody holds, so everyone joins again.
 */
async function importWorkshops(
  tx: Executor,
  doc: Pick<OrgDocument, "workshops" | "workshopParticipants">,
  orgId: string,
) {
  for (const { consensus, ...workshop } of doc.workshops) {
    await tx
      .insert(workshops)
      .values({ ...toRow(workshops, workshop, orgId), joinCode: await freeJoinCode(tx) } as never);
    await insertAll(
      tx,
      workshopConsensus,
      consensus.map((c) => toRow(workshopConsensus, { ...c, workshopId: workshop.id }, orgId)),
    );
  }
  const ended = new Date();
  await insertAll(
    tx,
    workshopParticipants,
    doc.workshopParticipants.map(({ answers: _answers, ...p }) =>
      toRow(
        workshopParticipants,
        { ...p, sessionTokenHash: sha256(randomSecret("pws_")), expiresAt: ended },
        orgId,
      ),
    ),
  );
  await insertAll(
    tx,
    workshopAnswers,
    doc.workshopParticipants.flatMap((p) =>
      p.answers.map((a) =>
        toRow(workshopAnswers, { ...a, participantId: p.id, workshopId: p.workshopId }, orgId),
      ),
    ),
  );
}

export type ImportResult = {
  org: { id: string; slug: string; name: string };
  counts: ReturnType<typeof countOrgDocument>;
  /** People the installation did not know, now disabled accounts that cannot sign in. */
  placeholders: string[];
};

/**
 * Imports an exported organisation as a new organisation of this installation, in one
 * transaction: the document is checked whole first and nothing is written unless all of it
 * fits. Members are matched to existing accounts by email; unknown people become disabled
 * placeholder accounts (with `placeholderPasswordHash`, the hash of a secret nobody holds).
 * Every row gets a new id, and references follow. Command line only (the operator of the
 * installation), so it checks no membership.
 */
export async function importOrganisation(
  input: unknown,
  options: { slug?: string; placeholderPasswordHash: string; actor: Actor },
): Promise<ImportResult> {
  const reading = checkOrgDocument(input);
  if (!reading.ok) {
    throw new AppError(
      "invalid_input",
      describeProblems(reading.problems),
      fieldErrorsFrom(reading.problems.map((p) => ({ path: [p.path], message: p.message }))),
    );
  }
  const doc = reading.document;
  const slug = options.slug ?? doc.organisation.slug;
  if (!SLUG_PATTERN.test(slug)) {
    throw new AppError(
      "invalid_input",
      `"${slug}" cannot be an organisation's address: use 1–40 lower-case letters, digits and hyphens (--slug).`,
    );
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, slug));
    if (taken) {
      throw conflict(
        `An organisation with the slug "${slug}" already exists here; choose another with --slug.`,
      );
    }

    const ids = new Map<string, string>();
    const emails = doc.people.map((p) => normaliseEmail(p.email));
    const existing = emails.length
      ? await tx
          .select({ id: users.id, email: users.email })
          .from(users)
          .where(inArray(users.email, emails))
      : [];
    const byEmail = new Map(existing.map((u) => [u.email, u.id]));
    const placeholders: string[] = [];
    for (const person of doc.people) {
      const email = normaliseEmail(person.email);
      let userId = byEmail.get(email);
      if (!userId) {
        const [created] = await tx
          .insert(users)
          .values({
            email,
            name: person.name,
            passwordHash: options.placeholderPasswordHash,
            disabledAt: new Date(),
          })
          .returning({ id: users.id });
        if (!created) throw new Error("insert returned no row");
        userId = created.id;
        placeholders.push(email);
      }
      ids.set(person.id, userId);
    }
    for (const collection of ID_COLLECTIONS) {
      if (collection === "people") continue;
      for (const row of doc[collection]) ids.set(row.id, randomUUID());
    }
    // Tokens are not exported, but the audit log and override requests say which one acted.
    const tokenIds = [
      ...doc.auditEvents.map((e) => e.actorTokenId),
      ...doc.gateOverrideRequests.map((r) => r.requesterKey.replace(/^token:/, "")),
    ];
    for (const tokenId of tokenIds) {
      if (tokenId && !ids.has(tokenId) && /^[0-9a-f-]{36}$/i.test(tokenId)) {
        const replacement = randomUUID();
        ids.set(tokenId, replacement);
        ids.set(`token:${tokenId}`, `token:${replacement}`);
      }
    }

    const { organisation: source } = doc;
    const [org] = await tx
      .insert(organisations)
      .values({
        name: source.name,
        slug,
        currency: source.currency,
        settings: source.settings,
        overridesNeedSecondApprover: source.overridesNeedSecondApprover,
        version: source.version,
        createdAt: new Date(source.createdAt),
        updatedAt: new Date(source.updatedAt),
      })
      .returning({ id: organisations.id, slug: organisations.slug, name: organisations.name });
    if (!org) throw new Error("insert returned no row");
    ids.set(source.id, org.id);

    const mapped = replaceIds(
      { ...doc, organisation: undefined, people: undefined, exportedAt: undefined },
      ids,
    );
    const people = doc.people.filter((p) => p.membership);
    await insertAll(
      tx,
      memberships,
      people.map((p) => toRow(memberships, { userId: ids.get(p.id), ...p.membership }, org.id)),
    );
    // A re-assessment refers to the one before it: write the earlier ones first.
    const byId = new Map(mapped.assessments.map((a) => [a.id, a]));
    const depth = (a: { previousId: string | null }) => previousChain(byId, a).length;
    mapped.assessments.sort((a, b) => depth(a) - depth(b));
    for (const collection of Object.keys(TABLES) as TableCollection[]) {
      const table = TABLES[collection] as PgTable;
      const rows = (mapped[collection] as Record<string, unknown>[]).map((row) => {
        const { answers: _answers, ...rest } = row;
        return toRow(table, rest, org.id);
      });
      await insertAll(tx, table, rows);
      if (collection === "assessments") {
        await insertAll(
          tx,
          assessmentAnswers,
          mapped.assessments.flatMap((a) =>
            a.answers.map((answer) =>
              toRow(assessmentAnswers, { ...answer, assessmentId: a.id }, org.id),
            ),
          ),
        );
      }
    }
    await importWorkshops(tx, mapped, org.id);
    await rebuildIncidentRollups(tx, org.id);
    await insertAll(
      tx,
      auditEvents,
      mapped.auditEvents.map((e) => toRow(auditEvents, e, org.id)),
    );

    const counts = countOrgDocument(doc);
    await writeAudit(tx, org.id, options.actor, {
      action: "organisation.imported",
      entityType: "organisation",
      entityId: org.id,
      after: {
        name: org.name,
        slug: org.slug,
        fromSlug: doc.organisation.slug,
        exportedAt: doc.exportedAt,
        ...counts,
        placeholders: placeholders.length,
      },
    });
    return { org, counts, placeholders };
  });
}
