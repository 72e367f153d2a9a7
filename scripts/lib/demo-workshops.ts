import { listUseCases } from "@/db/queries/use-cases";
import { joinWorkshop, saveOwnAnswer } from "@/db/queries/workshop-participants";
import {
  convertWorkshopToAssessment,
  createWorkshop,
  getWorkshopLive,
  listWorkshops,
  recordConsensus,
  setWorkshopState,
} from "@/db/queries/workshops";
import type { MemberContext } from "@/lib/domain/permissions";
import {
  consensusPrefill,
  type OptionTally,
  roomWasSplit,
  type WorkshopDto,
} from "@/lib/domain/workshops";
import { contextFor } from "./demo-pilots";

const ROLE_TAGS = ["Executive", "Operator", "Engineer", "Risk"];

/** Twelve people, three per role tag, in the order they join. */
const ROOM: { name: string; role: string }[] = [
  { name: "Maya Lind", role: "Executive" },
  { name: "Tom Becker", role: "Executive" },
  { name: "Ines Duarte", role: "Executive" },
  { name: "Olu Adeyemi", role: "Operator" },
  { name: "Priya Nair", role: "Operator" },
  { name: "Sam Okafor", role: "Operator" },
  { name: "Ken Ito", role: "Engineer" },
  { name: "Ada Novak", role: "Engineer" },
  { name: "Luis Ortega", role: "Engineer" },
  { name: "Rosa Klein", role: "Risk" },
  { name: "Dev Mehta", role: "Risk" },
  { name: "Hana Sato", role: "Risk" },
];

/** An answer: an option id, or null for "don't know"; with a comment where someone left one. */
type Said = string | null | { option: string | null; comment: string };

/**
 * Where the room split: per question, what each role's three people answered. The executives
 * rate the shift-swap process as documented and exceptions as handled; the operators know about
 * the manual fixes behind it. Questions not listed are answered alike by everyone.
 */
const SPLITS: Record<string, { answers: Record<string, Said[]>; note: string }> = {
  process_documented: {
    answers: {
      Executive: ["complete", "complete", "complete_unreviewed"],
      Operator: [
        {
          option: "main_path",
          comment:
            "The document covers the normal swap. Swaps across depots after 22:00 are fixed by hand in the roster sheet.",
        },
        {
          option: "none",
          comment: "Half of what we do is agreed in the team chat, not written anywhere.",
        },
        "outdated",
      ],
      Engineer: ["main_path", "main_path", "outdated"],
      Risk: ["outdated", null, "main_path"],
    },
    note: "Executives had seen the process document; operators showed the late-night cross-depot swaps it leaves out. Agreed: the main path is written down, the exceptions are not.",
  },
  process_manual_fixes: {
    answers: {
      Executive: [
        {
          option: "rare_handled",
          comment: "I was told every exception goes through the duty manager.",
        },
        "rare_handled",
        "sometimes_listed",
      ],
      Operator: [
        "often_unknown",
        "often_unknown",
        {
          option: "often_known",
          comment:
            "Every Monday I undo the swaps the system double-booked over the weekend. Nobody asked me to; it just has to be done.",
        },
      ],
      Engineer: ["often_known", "sometimes_listed", "often_known"],
      Risk: [null, "often_known", null],
    },
    note: "The Monday double-booking clean-up and the rest-time corrections are done by hand and are on no list. Operators to list them before any pilot.",
  },
  process_key_person: {
    answers: {
      Executive: ["mostly", "yes", "mostly"],
      Operator: [
        "only_one",
        {
          option: "struggle",
          comment: "Only Olu knows how to apply the union rest-time rules when two swaps chain.",
        },
        "only_one",
      ],
      Engineer: ["struggle", "mostly", "struggle"],
      Risk: ["struggle", "struggle", null],
    },
    note: "The rest-time rules for chained swaps depend on one planner.",
  },
  data_source_of_truth: {
    answers: {
      Executive: ["documented", "documented", "documented_enforced"],
      Operator: ["informal", "no", "informal"],
      Engineer: [
        {
          option: "partly",
          comment:
            "The roster tool and payroll disagree on contract hours for part-timers; people trust payroll, but that is written nowhere.",
        },
        "informal",
        "partly",
      ],
      Risk: ["partly", "no", "partly"],
    },
    note: "Payroll wins for contract hours by habit; to be written down for the fields the AI reads.",
  },
  data_quality_measured: {
    answers: {
      Executive: ["measured_tracked", "measured_once", "measured_tracked"],
      Operator: ["anecdotal", "anecdotal", "no"],
      Engineer: ["measured_once", "anecdotal", "anecdotal"],
      Risk: [
        { option: "no", comment: "The audit last year looked at payroll, not the roster data." },
        "anecdotal",
        "no",
      ],
    },
    note: "The audit some remembered was of payroll; nobody has measured the roster data.",
  },
};

/** What a role answers where the room agrees: executives one step more hopeful than the rest. */
function agreed(options: readonly OptionTally[], role: string): string {
  const byScore = [...options].sort((a, b) => b.score - a.score);
  return (role === "Executive" ? byScore[0] : (byScore[1] ?? byScore[0]))?.optionId ?? "";
}

/** Sets up a workshop on a use case as the lead and opens it to the room. */
async function openDemoWorkshop(
  lead: MemberContext,
  useCaseId: string,
  input: { title: string; date: string; dimensions: string[] },
): Promise<WorkshopDto> {
  const w = await createWorkshop(lead, {
    useCaseId,
    ...input,
    roleTags: ROLE_TAGS,
    anonymous: false,
    pace: "self_paced",
  });
  return setWorkshopState(lead, w.id, "open", w.version);
}

/** People of the room join a workshop as guests (each from their own device and address). */
async function join(w: WorkshopDto, people: readonly { name: string; role: string }[]) {
  const joined = [];
  for (const [i, person] of people.entries()) {
    const { participant } = await joinWorkshop({
      code: w.joinCode,
      displayName: person.name,
      roleTag: person.role,
      user: null,
      address: `192.0.2.${i + 10}`,
    });
    joined.push({ ...person, participant });
  }
  return joined;
}

/** The demo's two workshops, by title: how seeding again finds them. */
export const DEMO_WORKSHOP_TITLES = {
  closed: "Shift swaps readiness workshop",
  open: "Customs pre-check kick-off",
} as const;

/**
 * Adds the demo workshops, once: a closed one on "Driver shift swaps" where twelve people
 * across four role tags answered the process and data questions, disagreed where the operators
 * know about manual fixes, and whose recorded answers became an assessment to review; and an
 * open one on "Customs document pre-check" to try the presenter view and the join code.
 */
export async function seedDemoWorkshops(orgSlug: string): Promise<number> {
  const lead = await contextFor("lead@example.com", orgSlug);
  // Seeded once: a workshop of the organisation's own (or one a test made) does not stop it.
  const titles = new Set((await listWorkshops(lead)).map((w) => w.title));
  if (titles.has(DEMO_WORKSHOP_TITLES.closed) || titles.has(DEMO_WORKSHOP_TITLES.open)) return 0;
  const useCases = await listUseCases(lead);
  const shiftSwaps = useCases.find((u) => u.name === "Driver shift swaps");
  const customs = useCases.find((u) => u.name === "Customs document pre-check");
  if (!shiftSwaps || !customs) return 0;
  const day = (daysAgo: number) =>
    new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

  const closed = await openDemoWorkshop(lead, shiftSwaps.id, {
    title: DEMO_WORKSHOP_TITLES.closed,
    date: day(6),
    dimensions: ["process", "data"],
  });
  const live = await getWorkshopLive(lead, closed.id);
  const room = await join(closed, ROOM);
  for (const q of live.questions) {
    const seat = new Map<string, number>();
    for (const person of room) {
      const n = seat.get(person.role) ?? 0;
      seat.set(person.role, n + 1);
      const said: Said =
        SPLITS[q.questionId]?.answers[person.role]?.[n] ?? agreed(q.options, person.role);
      const answer =
        typeof said === "object" && said !== null ? said : { option: said, comment: null };
      await saveOwnAnswer(person.participant, {
        questionId: q.questionId,
        optionId: answer.option,
        dontKnow: answer.option === null,
        comment: answer.comment,
      });
    }
  }
  // The facilitator records the room's answer to every question: the most common one, with a
  // note where the room was split.
  for (const q of (await getWorkshopLive(lead, closed.id)).questions) {
    const prefill = consensusPrefill(q);
    if (!prefill) continue;
    await recordConsensus(lead, closed.id, {
      questionId: q.questionId,
      optionId: "optionId" in prefill ? prefill.optionId : null,
      dontKnow: "dontKnow" in prefill,
      note: roomWasSplit(q) ? (SPLITS[q.questionId]?.note ?? null) : null,
    });
  }
  await setWorkshopState(lead, closed.id, "closed", closed.version);
  await convertWorkshopToAssessment(lead, closed.id);

  const open = await openDemoWorkshop(lead, customs.id, {
    title: DEMO_WORKSHOP_TITLES.open,
    date: day(-2),
    dimensions: ["process", "data", "handoffs"],
  });
  const early = await join(
    open,
    ROOM.filter((_, i) => i % 4 === 0),
  );
  const [first] = (await getWorkshopLive(lead, open.id)).questions;
  for (const person of first ? early : []) {
    await saveOwnAnswer(person.participant, {
      questionId: first?.questionId ?? "",
      optionId: agreed(first?.options ?? [], person.role),
      dontKnow: false,
      comment: null,
    });
  }
  return 2;
}
