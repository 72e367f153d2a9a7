import { describe, expect, test } from "vitest";
import {
  checkOrgDocument,
  type OrgDocument,
  orderOrgDocument,
  readOrgDocument,
  replaceIds,
} from "@/lib/domain/org-export";

const T = "2026-11-20T10:00:00.000Z";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const stamps = { createdAt: T, updatedAt: T };

/** The smallest organisation worth exporting: an owner, two use cases, one with an action. */
function minimal(): OrgDocument {
  return {
    format: "preflight-organisation",
    version: 2,
    exportedAt: T,
    organisation: {
      id: id(1),
      name: "Acme",
      slug: "acme",
      currency: "EUR",
      settings: { gates: { shadow: [{ kind: "min_accuracy", threshold: 0.97 }] } },
      overridesNeedSecondApprover: true,
      version: 3,
      ...stamps,
    },
    people: [
      {
        id: id(2),
        email: "dana@example.com",
        name: "Dana",
        membership: { role: "owner", version: 1, ...stamps },
      },
    ],
    useCases: ["Refunds", "Triage"].map((name, i) => ({
      id: id(10 + i),
      name,
      description: "",
      ownerId: id(2),
      businessValue: 3,
      annualValue: null,
      systems: [],
      status: "candidate" as const,
      archivedAt: null,
      version: 1,
      ...stamps,
    })),
    inventoryActions: [
      {
        id: id(20),
        useCaseId: id(11),
        name: "Tag ticket",
        system: "Zendesk",
        access: "write",
        reversibility: "reversible",
        blastRadius: "one_record",
        frequency: "daily",
        version: 1,
        ...stamps,
      },
    ],
    assessments: [],
    pilots: [],
    pilotTransitions: [],
    pilotSignoffs: [],
    gateOverrideRequests: [],
    runMetrics: [],
    pilotAssumptions: [],
    incidents: [],
    workshops: [],
    workshopParticipants: [],
    auditEvents: [],
  };
}

describe("the organisation document", () => {
  test("a complete document passes; a file cut short says where it stops", () => {
    expect(checkOrgDocument(minimal())).toMatchObject({ ok: true });
    const text = JSON.stringify(minimal());
    const cut = readOrgDocument(text.slice(0, 200));
    expect(cut.ok).toBe(false);
    if (!cut.ok) {
      expect(cut.problems).toHaveLength(1);
      expect(cut.problems[0]?.path).toBe("(document)");
      expect(cut.problems[0]?.message).toMatch(/^Not complete JSON: .*\d/);
    }
    // Cut right after a key, the parser names no position: the reading still says where.
    const between = readOrgDocument('{"format": ');
    expect(between.ok).toBe(false);
    if (!between.ok) {
      expect(between.problems[0]?.message).toMatch(
        /Unexpected end of JSON input at position 11, where the file stops$/,
      );
    }
  });

  test("a version 1 document, from before workshops, reads as version 2 without workshops", () => {
    const { workshops: _w, workshopParticipants: _p, ...rest } = minimal();
    const read = checkOrgDocument({ ...rest, version: 1 });
    expect(read.ok && read.document.version).toBe(2);
    expect(read.ok && read.document.workshops).toEqual([]);
    expect(checkOrgDocument({ ...rest, version: 2 }).ok).toBe(false);
    const future = checkOrgDocument({ ...minimal(), version: 3 });
    expect(future.ok ? [] : future.problems.map((p) => p.path)).toEqual(["version"]);
  });

  test("a workshop's answers and consensus must be questions of its dimensions", () => {
    const doc = minimal();
    const workshop = {
      id: id(50),
      useCaseId: id(10),
      title: "Readiness workshop",
      date: "2026-11-20",
      bankVersion: "v2",
      dimensions: ["data"],
      roleTags: ["Operator"],
      anonymous: false,
      state: "closed" as const,
      pace: "self_paced" as const,
      currentDimension: null,
      assessmentId: null,
      createdBy: id(2),
      closedAt: T,
      version: 2,
      ...stamps,
      consensus: [
        {
          questionId: "hand_owner",
          optionId: null,
          dontKnow: true,
          note: null,
          recordedBy: id(2),
          updatedAt: T,
        },
      ],
    };
    doc.workshops = [workshop];
    doc.workshopParticipants = [
      {
        id: id(51),
        workshopId: id(50),
        userId: null,
        displayName: "Sam",
        roleTag: "Operator",
        createdAt: T,
        answers: [
          { questionId: "nope", optionId: null, dontKnow: true, comment: null, updatedAt: T },
        ],
      },
    ];
    const read = checkOrgDocument(doc);
    expect(read.ok ? [] : read.problems).toEqual([
      { path: "workshops.0.consensus.0.questionId", message: "Not a question of this workshop." },
      {
        path: "workshopParticipants.0.answers.0.questionId",
        message: "Not a question of this workshop.",
      },
    ]);
  });

  test("every problem is listed with its path: shapes first, then references", () => {
    const wrong = minimal() as unknown as Record<string, Record<string, unknown>[]>;
    wrong.useCases![1]!.name = 42;
    wrong.inventoryActions![0]!.access = "delete";
    const shapes = checkOrgDocument(wrong);
    expect(shapes.ok ? [] : shapes.problems.map((p) => p.path)).toEqual([
      "useCases.1.name",
      "inventoryActions.0.access",
    ]);

    const dangling = minimal();
    dangling.inventoryActions[0]!.useCaseId = id(99);
    dangling.useCases[0]!.ownerId = id(98);
    dangling.useCases[1]!.id = id(10);
    dangling.people[0]!.membership = { role: "admin", version: 1, ...stamps };
    const refs = checkOrgDocument(dangling);
    expect(refs.ok ? [] : refs.problems).toEqual([
      { path: "useCases.1.id", message: "Already used by useCases.0." },
      { path: "people", message: "The organisation needs at least one owner." },
      { path: "useCases.0.ownerId", message: "No person with this id in the document." },
      {
        path: "inventoryActions.0.useCaseId",
        message: "No use case with this id in the document.",
      },
    ]);
  });

  test("the order does not depend on ids, so a re-export lists rows in the same order", () => {
    const doc = minimal();
    const renamed = replaceIds(
      doc,
      new Map([
        [id(10), id(31)],
        [id(11), id(30)],
        [id(20), id(40)],
      ]),
    );
    renamed.useCases.reverse();
    const a = orderOrgDocument(doc);
    const b = orderOrgDocument(renamed);
    expect(b.useCases.map((u) => u.name)).toEqual(a.useCases.map((u) => u.name));
    expect(b.useCases.map((u) => u.id)).toEqual([id(31), id(30)]);
    expect(b.inventoryActions[0]?.useCaseId).toBe(id(30));
  });
});
