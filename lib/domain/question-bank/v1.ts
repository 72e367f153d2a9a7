import type { QuestionBank } from "./types";

/**
 * Question bank v1. Shipped content never changes: a test pins its hash. Improve the
 * questions in a new version (v2) and register it beside this one.
 */
export const QUESTION_BANK_V1: QuestionBank = {
  version: "v1",
  title: "Production readiness of an AI workflow",
  dimensions: [
    {
      id: "process",
      title: "Process clarity and undocumented heroics",
      description:
        "Is the work written down as it is really done, including the fixes people make by hand without telling anyone?",
      weight: 1,
    },
    {
      id: "data",
      title: "Data quality, freshness and sources of truth",
      description:
        "Will the AI see current, consistent records, and know which system is right when two disagree?",
      weight: 1.2,
    },
    {
      id: "permissions",
      title: "Permissions and approval boundaries",
      description:
        "What is the AI allowed to touch, and where must a person say yes before it acts?",
      weight: 1.2,
    },
    {
      id: "integration",
      title: "Integration reliability",
      description:
        "What happens when a system it depends on is slow, down, changes, or half-completes a request?",
      weight: 1,
    },
    {
      id: "reversibility",
      title: "Reversibility and blast radius",
      description:
        "When the AI gets something wrong, how much damage is done, and how quickly can it be undone?",
      weight: 1.2,
    },
    {
      id: "observability",
      title: "Observability, verification and evaluation",
      description:
        "Can you see what the AI did and why, check it is right, and measure how often it is right on real work?",
      weight: 1,
    },
    {
      id: "handoffs",
      title: "Human hand-offs, escalation and ownership",
      description:
        "Who owns the outcome, who gets the cases the AI cannot handle, and who is called when it misbehaves?",
      weight: 0.9,
    },
    {
      id: "governance",
      title: "Governance, change management and success metrics",
      description:
        "Is there an agreed definition of success, a way to approve changes, and a plan to stop if it does not work?",
      weight: 0.8,
    },
  ],
  questions: [
    // ── Process clarity and undocumented heroics ─────────────────────────────
    {
      id: "process_documented",
      dimensionId: "process",
      prompt: "Is the workflow written down step by step, the way it is actually done today?",
      help: "An AI can only follow the process you can describe. Demos follow the tidy version; production meets the real one, with its shortcuts and exceptions. Good: a current, step-by-step description that the people doing the work agree is accurate, including the exceptions.",
      options: [
        { id: "none", label: "No, it lives in people's heads", score: 0 },
        {
          id: "outdated",
          label: "There is a document, but it is out of date or idealised",
          score: 1,
        },
        { id: "main_path", label: "The main path is written down; exceptions are not", score: 2 },
        {
          id: "complete",
          label: "Yes, including the common exceptions, and reviewed recently",
          score: 4,
        },
      ],
      weight: 1.2,
      recommendation:
        "Shadow the people who do the work for a few days and write down what they actually do, exceptions included, before designing the AI's part.",
      assumption: "The written process matches how the work is really done.",
    },
    {
      id: "process_manual_fixes",
      dimensionId: "process",
      prompt:
        "Do people regularly fix broken or odd cases by hand without it being part of the official process?",
      help: "Quiet manual fixes (re-keying a record, nudging a stuck order, correcting a wrong address) are what keeps many workflows running. An AI will not know they exist and will run straight into the broken states. Good: those fixes are known, listed and either built into the workflow or routed to people.",
      options: [
        { id: "often_unknown", label: "Often, and we do not know all of them", score: 0 },
        { id: "often_known", label: "Often, but we know what they are", score: 1 },
        { id: "sometimes_listed", label: "Sometimes; the known ones are listed", score: 3 },
        { id: "rare_handled", label: "Rarely; exceptions have a defined route", score: 4 },
      ],
      weight: 1.5,
      recommendation:
        "Run a short 'what do you fix by hand?' session with the people doing the work and list every recurring manual fix, with how often it happens.",
      assumption: "There are no hidden manual fixes that the AI would need to make.",
    },
    {
      id: "process_manual_fixes_inventory",
      dimensionId: "process",
      prompt:
        "For each of those manual fixes, has someone decided whether the AI should do it, route it to a person, or stop?",
      help: "Knowing the fixes exist is not enough: each needs a decision. Otherwise the AI either skips them (the work silently breaks) or improvises (it does something nobody approved). Good: every known fix has an owner and a rule.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "some", label: "For some of them", score: 2 },
        { id: "all", label: "Yes, for all known fixes", score: 4 },
      ],
      weight: 1,
      recommendation:
        "For every recurring manual fix, decide explicitly: automate it, hand it to a named person, or make the AI stop and escalate.",
      assumption: "Every known manual fix has a rule the AI follows.",
      showIf: {
        question: "process_manual_fixes",
        anyOf: ["often_unknown", "often_known"],
        orDontKnow: true,
      },
    },
    {
      id: "process_key_person",
      dimensionId: "process",
      prompt:
        "If the one or two people who know this work best left tomorrow, could someone else still run it?",
      help: "When a workflow depends on one person's memory, the knowledge the AI needs is fragile and often missing from any document. Good: at least two people can do the work, and what they know is written down.",
      options: [
        { id: "only_one", label: "No, it depends on one person", score: 0 },
        { id: "struggle", label: "With difficulty; a lot would be lost", score: 1 },
        { id: "mostly", label: "Mostly; a few things would be rediscovered", score: 3 },
        { id: "yes", label: "Yes, several people can do it and it is documented", score: 4 },
      ],
      weight: 1.2,
      recommendation:
        "Pair the key person with a second person on the workflow and capture what they know before the pilot starts.",
      assumption: "Knowledge of this workflow does not depend on one person.",
    },
    {
      id: "process_variation",
      dimensionId: "process",
      prompt: "How much do cases vary: does most work follow a few known patterns?",
      help: "An AI that looked good on typical cases can be badly wrong on the long tail. Knowing the share of unusual cases tells you how much must go to people. Good: the common patterns and their share are known from real volumes, and unusual cases can be recognised.",
      options: [
        { id: "unknown", label: "We have not looked", score: 0 },
        { id: "high", label: "Cases vary a lot; there is no dominant pattern", score: 1 },
        {
          id: "mostly_known",
          label: "Most cases follow known patterns; we can estimate the rest",
          score: 3,
        },
        {
          id: "measured",
          label: "We have measured the patterns and the share of exceptions",
          score: 4,
        },
      ],
      weight: 0.8,
      recommendation:
        "Sample a few hundred real cases and sort them into patterns; decide which patterns the AI handles and which go to people.",
      assumption: "Most cases follow patterns the AI has been shown.",
    },
    {
      id: "process_inputs_stable",
      dimensionId: "process",
      prompt:
        "Are the inputs the workflow receives (forms, emails, tickets) in a stable, predictable shape?",
      help: "Free text written by customers, forms that change every quarter and attachments in any format all make the AI's job harder than the demo suggests. Good: inputs are structured or at least consistent, and changes to them are announced.",
      options: [
        { id: "chaotic", label: "No, they arrive in any shape", score: 0 },
        { id: "mixed", label: "Partly structured, partly free text", score: 2 },
        { id: "stable", label: "Yes, mostly structured and changes are announced", score: 4 },
      ],
      weight: 0.7,
      recommendation:
        "List the input formats the AI will meet in production and test it on real samples of each, including the messy ones.",
      assumption: "Inputs in production look like the inputs the AI was tested on.",
    },

    // ── Data quality, freshness and sources of truth ─────────────────────────
    {
      id: "data_freshness",
      dimensionId: "data",
      prompt: "How current is the data the AI will rely on when it acts?",
      help: "Records that were right last week can be wrong today: a cancelled order, a changed address, a closed account. An AI acting on stale data does the wrong thing confidently. Good: the AI reads live data, or knows how old its data is and refuses to act on anything too old.",
      options: [
        { id: "unknown", label: "We do not know how old it can be", score: 0 },
        { id: "often_stale", label: "It is often days or weeks behind", score: 1 },
        { id: "mostly_current", label: "Mostly current; occasionally behind", score: 3 },
        { id: "live_checked", label: "Live, or its age is checked before acting", score: 4 },
      ],
      weight: 1.3,
      recommendation:
        "Measure how far behind each data source can be, and make the AI check the age of what it reads before acting on it.",
      assumption: "The data the AI reads is current enough to act on.",
    },
    {
      id: "data_source_of_truth",
      dimensionId: "data",
      prompt:
        "When two systems disagree (for example the CRM and billing), is it clear which one is right?",
      help: "Conflicting sources of truth are one of the commonest reasons automations fail quietly. People resolve the conflict from experience; an AI picks whichever it read first. Good: for every field the AI uses, one system is named as the source of truth.",
      options: [
        { id: "no", label: "No, people decide case by case", score: 0 },
        { id: "informal", label: "Informally; people know which to trust", score: 1 },
        { id: "documented", label: "Yes, it is documented for the fields that matter", score: 4 },
      ],
      weight: 1.3,
      recommendation:
        "For each field the AI reads, name the system that is authoritative and make the AI prefer it (or stop) when sources disagree.",
      assumption: "When systems disagree, it is clear which one is right.",
    },
    {
      id: "data_identity_matching",
      dimensionId: "data",
      prompt:
        "How reliably can the AI tell that a customer, account or item in one system is the same one in another?",
      help: "Customers write from a different email, accounts are merged, products are renamed. Matching the wrong record is how an AI refunds or emails the wrong person. Good: a stable shared identifier, and a rule to stop when the match is uncertain.",
      options: [
        { id: "guesswork", label: "It would have to guess from names or emails", score: 0 },
        { id: "usually", label: "Usually, by email or name, with known mismatches", score: 1 },
        { id: "shared_id", label: "A shared identifier exists for most records", score: 3 },
        {
          id: "shared_id_stop",
          label: "A shared identifier, and uncertain matches go to a person",
          score: 4,
        },
      ],
      weight: 1.3,
      recommendation:
        "Give records a shared identifier across systems, and make the AI hand over any case where the match is not certain.",
      assumption: "Records in different systems are matched to the right person or item.",
    },
    {
      id: "data_quality_measured",
      dimensionId: "data",
      prompt:
        "Has anyone measured how many of the relevant records are incomplete, duplicated or wrong?",
      help: "Everyone believes their data is 'mostly fine' until it is measured. The error rate of the data sets a floor under the error rate of the AI. Good: a recent measurement of missing, duplicate and wrong values for the fields the AI uses.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "anecdotal", label: "We know of problems but have not measured them", score: 1 },
        { id: "measured_once", label: "Measured once, some time ago", score: 2 },
        { id: "measured_tracked", label: "Measured recently and tracked over time", score: 4 },
      ],
      weight: 1,
      recommendation:
        "Measure completeness, duplicates and known-wrong values in the fields the AI will use, and fix or exclude the worst before the pilot.",
      assumption: "The records the AI uses are complete and correct enough.",
    },
    {
      id: "data_renames",
      dimensionId: "data",
      prompt:
        "When products, teams, codes or categories are renamed, does the AI's knowledge get updated?",
      help: "A ticket that mentions a product name retired last year, or a category code that changed meaning, will be misread by an AI that only knows the old world. Good: renames and retired names are kept in a mapping the AI uses, with someone responsible for updating it.",
      options: [
        { id: "no", label: "No, nobody would think to tell it", score: 0 },
        { id: "manually", label: "Someone would update it when problems show up", score: 2 },
        {
          id: "process",
          label: "Yes, renames go through a change process that includes the AI",
          score: 4,
        },
      ],
      weight: 0.8,
      recommendation:
        "Keep a maintained list of current and retired names, codes and categories that the AI consults, and add 'update the AI' to the change checklist.",
      assumption: "The names and codes the AI knows are the current ones.",
    },
    {
      id: "data_realistic_test",
      dimensionId: "data",
      prompt:
        "Has the AI been tried on a realistic copy of production data, including its messy parts?",
      help: "A demo on hand-picked records says little about production. Testing on a realistic sample, warts and all, shows how it copes with missing fields, duplicates and odd values. Good: tested on a recent, unfiltered sample large enough to contain the problems.",
      options: [
        { id: "no", label: "No, only on clean or made-up examples", score: 0 },
        { id: "small", label: "On a small real sample", score: 2 },
        { id: "realistic", label: "On a recent, unfiltered sample of real cases", score: 4 },
      ],
      weight: 1,
      recommendation:
        "Run the AI over a recent, unfiltered sample of real cases (hundreds, not tens) and review the failures before going further.",
      assumption: "The AI copes with production data as it is, not only with clean examples.",
    },

    // ── Permissions and approval boundaries ─────────────────────────────────
    {
      id: "perm_service_account",
      dimensionId: "permissions",
      prompt: "What account will the AI use to reach other systems?",
      help: "An AI running on an administrator's login, or on a person's own account, can do anything that person can, and its actions cannot be told apart from theirs. Good: a dedicated account with only the permissions the workflow needs.",
      options: [
        { id: "personal_or_admin", label: "A person's login or a shared admin account", score: 0 },
        { id: "broad_service", label: "A service account with broad permissions", score: 1 },
        {
          id: "scoped_service",
          label: "A dedicated account limited to what the workflow needs",
          score: 4,
        },
      ],
      weight: 1.5,
      recommendation:
        "Create a dedicated account for the AI with the narrowest permissions that let it do the workflow, so its actions are limited and traceable.",
      assumption: "The AI cannot do more than the workflow requires.",
    },
    {
      id: "perm_least_privilege_reviewed",
      dimensionId: "permissions",
      prompt:
        "Has someone checked the AI's permissions against the list of actions it is meant to take?",
      help: "Permissions drift: a role granted 'for the demo' keeps write access to half the CRM. Good: the permissions are compared with the action inventory, and anything not on the list is removed.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "partly", label: "Roughly, not action by action", score: 2 },
        { id: "yes", label: "Yes, action by action, and it is reviewed periodically", score: 4 },
      ],
      weight: 1,
      recommendation:
        "Compare the AI's permissions with its action inventory and remove everything it does not need; repeat when the inventory changes.",
      assumption: "The AI's permissions match its action inventory.",
    },
    {
      id: "perm_approval_step",
      dimensionId: "permissions",
      prompt:
        "Before the AI does something that cannot easily be undone, must a person approve it?",
      help: "For actions that move money, change access or contact customers, an approval step is the difference between a near miss and an incident. Good: the approval is enforced by the system (the AI cannot skip it), not just a rule people are asked to follow.",
      options: [
        { id: "none", label: "No approval step", score: 0 },
        {
          id: "informal",
          label: "People are expected to check, but nothing enforces it",
          score: 1,
        },
        { id: "enforced_some", label: "Enforced for some of those actions", score: 2 },
        { id: "enforced_all", label: "Enforced by the system for all of them", score: 4 },
      ],
      weight: 1.6,
      recommendation:
        "Make the system require a person's approval before every irreversible or high-impact action, in a way the AI cannot bypass.",
      assumption: "A person approves every action that cannot easily be undone.",
      showIf: { inventory: "writes_anywhere" },
    },
    {
      id: "perm_approver_context",
      dimensionId: "permissions",
      prompt:
        "When a person approves, do they see enough to judge the action (what, for whom, why, and the evidence)?",
      help: "Approvals become rubber stamps when the approver sees only 'Approve refund? Yes/No'. Good: the approver sees the proposed action, the record it affects, the AI's reasoning and the data it used, and can reject with a reason.",
      options: [
        { id: "minimal", label: "They see little more than yes or no", score: 0 },
        { id: "some", label: "They see the action and the record", score: 2 },
        {
          id: "full",
          label: "They see the action, the record, the reasoning and the evidence",
          score: 4,
        },
      ],
      weight: 0.8,
      recommendation:
        "Show approvers the action, the affected record, the AI's reasoning and its sources, and let them reject with a reason that is logged.",
      assumption: "Approvers can tell a wrong action from a right one.",
      showIf: { inventory: "writes_anywhere" },
    },
    {
      id: "perm_limits",
      dimensionId: "permissions",
      prompt:
        "Are there hard limits on what the AI can do on its own (amounts, number of records, times of day)?",
      help: "Limits contain the damage of a bug or a bad prompt: a refund cap, a maximum number of records changed per hour, no changes outside office hours. Good: limits are enforced outside the AI, so it cannot talk itself past them.",
      options: [
        { id: "none", label: "No limits", score: 0 },
        { id: "in_prompt", label: "Only instructions in the AI's prompt", score: 1 },
        { id: "enforced", label: "Limits enforced by the systems it calls", score: 4 },
      ],
      weight: 1.1,
      recommendation:
        "Put hard caps (amount, volume, rate, time window) in the systems the AI calls, not just in its instructions.",
      assumption: "A runaway AI would hit a hard limit before doing much damage.",
    },
    {
      id: "perm_money_limits",
      dimensionId: "permissions",
      prompt:
        "For actions involving money, is there a per-action and a daily cap enforced outside the AI?",
      help: "Money is where small error rates turn into real losses. Good: each payment or refund has a cap, the total per day has a cap, and anything above either goes to a person.",
      options: [
        { id: "none", label: "No caps", score: 0 },
        { id: "per_action", label: "A per-action cap only", score: 2 },
        {
          id: "both",
          label: "Per-action and daily caps, enforced by the payment system",
          score: 4,
        },
      ],
      weight: 1.3,
      recommendation:
        "Set per-action and daily money caps in the payment or finance system and route anything above them to a person.",
      assumption: "Money the AI can move is capped per action and per day.",
      showIf: { inventory: "moves_money" },
    },

    // ── Integration reliability ─────────────────────────────────────────────
    {
      id: "int_timeouts",
      dimensionId: "integration",
      prompt: "When a system the AI calls is slow or down, what happens to the case?",
      help: "In production, APIs time out, rate limits kick in and systems go down for maintenance. The question is whether the case waits, retries safely, goes to a person, or is silently dropped. Good: every failure leaves the case in a known state that someone will see.",
      options: [
        { id: "unknown", label: "We have not tested it", score: 0 },
        { id: "dropped", label: "The case may be dropped or left half-done", score: 0 },
        { id: "retried", label: "It is retried, but failures are not always visible", score: 2 },
        {
          id: "known_state",
          label: "It retries safely, then hands over to a person and alerts",
          score: 4,
        },
      ],
      weight: 1.3,
      recommendation:
        "Test each integration failing (slow, down, rate-limited) and make sure every case ends in a known state that a person can see.",
      assumption: "Outages of connected systems never lose or corrupt a case.",
    },
    {
      id: "int_partial_failure",
      dimensionId: "integration",
      prompt:
        "If the AI completes one step of a multi-step action but the next one fails, what is left behind?",
      help: "Partial failures are the nastiest: the refund is issued but the ticket is not updated, so a person issues it again. Good: multi-step actions are designed so a failure part-way is detected and either completed or undone.",
      options: [
        { id: "unknown", label: "We do not know", score: 0 },
        { id: "inconsistent", label: "Systems can be left out of step with each other", score: 1 },
        { id: "detected", label: "It is detected and flagged for a person", score: 3 },
        { id: "completed_or_undone", label: "It is automatically completed or undone", score: 4 },
      ],
      weight: 1.2,
      recommendation:
        "Map each multi-step action, decide what happens when it stops half-way, and add a check that finds half-finished cases.",
      assumption: "A failure part-way through an action never leaves systems inconsistent.",
      showIf: { inventory: "writes_anywhere" },
    },
    {
      id: "int_idempotency",
      dimensionId: "integration",
      prompt:
        "If the same action is sent twice (a retry, a duplicate message), is it done only once?",
      help: "Retries are normal; duplicate refunds, emails or tickets are not. Good: write actions carry a unique key so the receiving system ignores repeats.",
      options: [
        { id: "no", label: "No, it would be done twice", score: 0 },
        { id: "some", label: "For some actions", score: 2 },
        { id: "all", label: "Yes, every write action is protected against repeats", score: 4 },
      ],
      weight: 1.1,
      recommendation:
        "Give every write action a unique idempotency key, so retries and duplicate messages cannot repeat it.",
      assumption: "Retries and duplicates never repeat an action.",
      showIf: { inventory: "writes_anywhere" },
    },
    {
      id: "int_upstream_changes",
      dimensionId: "integration",
      prompt:
        "Will you hear in advance when a connected system changes its fields, API or behaviour?",
      help: "Upstream teams change things for their own reasons. An AI workflow that depends on a field quietly renamed last release breaks without an error. Good: the owners of connected systems know about this workflow and include it in their change notices, and a test catches breaking changes.",
      options: [
        { id: "no", label: "No, we would find out when it breaks", score: 0 },
        { id: "informal", label: "Probably, through personal contacts", score: 1 },
        {
          id: "formal",
          label: "Yes, we are on their change list and have contract tests",
          score: 4,
        },
      ],
      weight: 0.9,
      recommendation:
        "Register this workflow with the owners of every system it depends on and add automated checks that fail when their interfaces change.",
      assumption: "Changes in connected systems are announced before they break the workflow.",
    },
    {
      id: "int_tested_failures",
      dimensionId: "integration",
      prompt: "Has the workflow been tested with its integrations failing on purpose?",
      help: "It is cheaper to find out in a test what happens when the CRM is down than during a busy Monday. Good: a rehearsal where each dependency is made slow or unavailable, with the results written down.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "some", label: "For some integrations", score: 2 },
        { id: "all", label: "Yes, for each integration", score: 4 },
      ],
      weight: 0.8,
      recommendation:
        "Rehearse each integration failing (slow, erroring, unavailable) in a test environment and fix what breaks.",
      assumption: "The workflow has been shown to survive its dependencies failing.",
    },
    {
      id: "int_rate_limits",
      dimensionId: "integration",
      prompt:
        "Do you know the rate limits and quotas of the systems it calls, and how close production volumes come to them?",
      help: "A pilot on ten cases a day never meets a rate limit; production on ten thousand does, usually at the worst moment. Good: limits are known, volumes are estimated, and the workflow slows down gracefully rather than failing.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "known", label: "We know the limits but not our expected volumes", score: 2 },
        { id: "planned", label: "Yes, and it backs off gracefully near them", score: 4 },
      ],
      weight: 0.6,
      recommendation:
        "Write down each dependency's rate limits and quotas next to production volume estimates, and make the workflow back off before hitting them.",
      assumption: "Production volumes stay within the limits of connected systems.",
    },

    // ── Reversibility and blast radius ──────────────────────────────────────
    {
      id: "rev_stop",
      dimensionId: "reversibility",
      prompt: "Can someone stop the AI from acting within minutes, without a deployment?",
      help: "When something goes wrong, the first need is to stop it doing more. Good: a switch that a named on-call person can use at any hour, which stops new actions immediately and sends the work back to people.",
      options: [
        { id: "no", label: "No, it would need an engineer and a release", score: 0 },
        { id: "slow", label: "Yes, but it takes hours or specific people", score: 1 },
        { id: "switch", label: "Yes, a switch that on-call staff can use at once", score: 4 },
      ],
      weight: 1.5,
      recommendation:
        "Add a stop switch that on-call staff can use without a deployment, and check that work falls back to people when it is used.",
      assumption: "The AI can be stopped within minutes by the people on call.",
    },
    {
      id: "rev_undo",
      dimensionId: "reversibility",
      prompt: "If the AI made a batch of wrong changes yesterday, could you find and undo them?",
      help: "Undo needs two things: knowing exactly which records the AI changed, and a way to put them back. Good: every change is recorded with its before and after values, and there is a tested procedure to revert a set of them.",
      options: [
        { id: "no", label: "No, not reliably", score: 0 },
        {
          id: "manual",
          label: "We could find them, but reverting would be manual and slow",
          score: 2,
        },
        { id: "tested", label: "Yes, with a tested procedure", score: 4 },
      ],
      weight: 1.3,
      recommendation:
        "Record every change the AI makes with before and after values, and write and rehearse a procedure to revert a batch of them.",
      assumption: "Wrong changes can be found and reverted.",
      showIf: { inventory: "writes_anywhere" },
    },
    {
      id: "rev_irreversible_known",
      dimensionId: "reversibility",
      prompt:
        "For the actions that cannot be undone (payments, emails sent, access granted), is each one listed with what a mistake would cost?",
      help: "Irreversible actions deserve the most care, but teams often do not know which ones they are. Good: the inventory marks each irreversible action, with an estimate of the cost of one mistake and of a hundred.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "listed", label: "They are listed, without costs", score: 2 },
        { id: "costed", label: "Listed, with the cost of mistakes estimated", score: 4 },
      ],
      weight: 1,
      recommendation:
        "Mark every irreversible action in the inventory and estimate what one mistake, and a hundred, would cost.",
      assumption: "The cost of a wrong irreversible action is known and accepted.",
      showIf: { inventory: "has_irreversible_write" },
    },
    {
      id: "rev_wrong_answer_stakes",
      dimensionId: "reversibility",
      prompt: "When the AI is wrong, who notices first?",
      help: "If the first person to notice is the customer, the mistake has already cost you. Good: most mistakes are caught by a check or a reviewer before anyone outside is affected.",
      options: [
        { id: "customer", label: "Usually the customer or a partner", score: 0 },
        { id: "later_internal", label: "Someone inside, days later", score: 1 },
        { id: "reviewer", label: "A reviewer, before it takes effect", score: 3 },
        { id: "automatic", label: "An automatic check, before it takes effect", score: 4 },
      ],
      weight: 1.2,
      recommendation:
        "Add checks that catch wrong outputs before they reach customers, and route what they flag to a reviewer.",
      assumption: "Mistakes are caught before customers are affected.",
    },
    {
      id: "rev_blast_limited",
      dimensionId: "reversibility",
      prompt: "Could a single error (a bad prompt, a bad data load) affect many customers at once?",
      help: "The worst incidents are not one wrong answer but the same wrong answer repeated thousands of times. Good: work is rolled out to a small share first, and a spike in unusual actions pauses the AI automatically.",
      options: [
        { id: "yes", label: "Yes, nothing would stop it spreading", score: 0 },
        { id: "partly", label: "It would be noticed, but not automatically stopped", score: 2 },
        { id: "contained", label: "No, volume limits and anomaly checks would pause it", score: 4 },
      ],
      weight: 1.2,
      recommendation:
        "Limit how much the AI can do per hour and add an automatic pause when its actions look unusual in volume or kind.",
      assumption: "A single error cannot spread to many customers before it is stopped.",
      showIf: { inventory: "affects_many_customers" },
    },
    {
      id: "rev_rollback_plan",
      dimensionId: "reversibility",
      prompt:
        "Is there a written plan for going back to the old way of working if the pilot has to stop?",
      help: "Teams that let the old process wither find they cannot switch the AI off even when they should. Good: a rollback plan with who does what, and the people and tools to do the work by hand for a while.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "informal", label: "We would figure it out", score: 1 },
        { id: "written", label: "Yes, written down and agreed with the team", score: 3 },
        { id: "rehearsed", label: "Written and rehearsed", score: 4 },
      ],
      weight: 1,
      recommendation:
        "Write the rollback plan: how work returns to people, who decides, and how long the team can cope without the AI.",
      assumption: "The organisation can go back to the old way of working at short notice.",
    },

    // ── Observability, verification and evaluation ──────────────────────────
    {
      id: "obs_logging",
      dimensionId: "observability",
      prompt: "Is every action the AI takes logged with its inputs, its reasoning and the result?",
      help: "Without a log you cannot explain an incident, answer an auditor or improve the workflow. Good: each action is recorded with what the AI saw, what it decided and why, what it did, and what came back, kept long enough to investigate.",
      options: [
        { id: "none", label: "No", score: 0 },
        { id: "outcomes", label: "Only the outcomes", score: 1 },
        { id: "most", label: "Inputs and outcomes, not the reasoning", score: 2 },
        { id: "full", label: "Inputs, reasoning, actions and results", score: 4 },
      ],
      weight: 1.3,
      recommendation:
        "Log every AI action with its inputs, reasoning, the action taken and the result, and keep the log long enough to investigate incidents.",
      assumption: "Every AI action can be reconstructed after the fact.",
    },
    {
      id: "obs_replay",
      dimensionId: "observability",
      prompt:
        "Can you replay a past case to see what the AI would do now, for example after a change?",
      help: "Replaying real past cases is the cheapest way to test a new prompt, model or rule before it touches production. Good: a set of recorded real cases that can be run again, with differences highlighted.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "manual", label: "By hand, for a few cases", score: 2 },
        { id: "suite", label: "Yes, a replay set that runs before every change", score: 4 },
      ],
      weight: 0.8,
      recommendation:
        "Keep a set of recorded real cases and replay them before every change to the prompt, model or rules.",
      assumption: "Changes to the AI are tested against real past cases before release.",
    },
    {
      id: "obs_real_accuracy",
      dimensionId: "observability",
      prompt: "How has the AI's accuracy been measured?",
      help: "Accuracy on hand-picked examples is routinely far above accuracy on real work. Good: accuracy measured on a recent, random sample of real cases, judged by people who know the work, with the errors categorised.",
      options: [
        { id: "never", label: "It has not been measured", score: 0 },
        { id: "demo", label: "On demo or hand-picked cases", score: 1 },
        { id: "real_sample", label: "On a sample of real cases", score: 3 },
        {
          id: "real_random_reviewed",
          label: "On a random sample of real cases, reviewed by experts",
          score: 4,
        },
      ],
      weight: 1.5,
      recommendation:
        "Measure accuracy on a random sample of recent real cases, judged by people who do the work, and categorise the errors.",
      assumption: "Accuracy measured before the pilot holds on real work.",
    },
    {
      id: "obs_output_checks",
      dimensionId: "observability",
      prompt:
        "Are the AI's outputs checked automatically before they take effect (format, limits, consistency with the record)?",
      help: "Simple checks catch a surprising share of AI errors: an amount above the order total, a customer id that does not exist, a date in the past. Good: rules run on every output, and failures go to a person.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "some", label: "A few basic checks", score: 2 },
        { id: "systematic", label: "Yes, systematic checks on every output", score: 4 },
      ],
      weight: 1.1,
      recommendation:
        "Add automatic checks on every output (ranges, existence of referenced records, consistency with the source) and route failures to people.",
      assumption: "Obviously wrong outputs are stopped automatically.",
    },
    {
      id: "obs_monitoring",
      dimensionId: "observability",
      prompt:
        "Will someone be alerted when accuracy drops, overrides rise or volumes look unusual?",
      help: "Quality drifts as data, customers and upstream systems change. Without monitoring, the first signal is a complaint. Good: dashboards and alerts on accuracy, human overrides, escalations and volume, with someone responsible for looking.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "dashboard", label: "There will be a dashboard, but no alerts", score: 2 },
        { id: "alerts", label: "Yes, alerts go to a named owner", score: 4 },
      ],
      weight: 1.1,
      recommendation:
        "Track accuracy, overrides, escalations and volume continuously and alert a named owner when they move beyond agreed thresholds.",
      assumption: "A drop in quality would be noticed within a day.",
    },
    {
      id: "obs_error_categories",
      dimensionId: "observability",
      prompt: "Do you know what kinds of mistakes the AI makes, and which of them are serious?",
      help: "An 8% error rate means little until you know whether the errors are typos or refunds to the wrong person. Good: errors are sorted into categories with their severity, and the serious ones drive the design.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "rough", label: "Roughly", score: 2 },
        { id: "categorised", label: "Yes, categorised with severity", score: 4 },
      ],
      weight: 0.8,
      recommendation:
        "Review the AI's errors on real cases, group them into categories and rate the severity of each.",
      assumption: "The serious kinds of AI mistakes are known and designed against.",
    },

    // ── Human hand-offs, escalation and ownership ───────────────────────────
    {
      id: "hand_owner",
      dimensionId: "handoffs",
      prompt:
        "Is one named person accountable for the outcomes of this workflow once the AI runs it?",
      help: "When an AI workflow misbehaves, 'the AI team', 'the business' and 'IT' each assume another is responsible. Good: one named person owns the outcome, with the authority to pause it.",
      options: [
        { id: "none", label: "No one yet", score: 0 },
        { id: "team", label: "A team, not a person", score: 2 },
        { id: "named", label: "Yes, a named person with authority to pause it", score: 4 },
      ],
      weight: 1.4,
      recommendation:
        "Name one person accountable for the workflow's outcomes, with the authority to pause the AI.",
      assumption: "Someone owns the outcomes and will act on problems.",
    },
    {
      id: "hand_escalation_path",
      dimensionId: "handoffs",
      prompt:
        "When the AI is unsure or a case is unusual, does it hand the case to a person, and who?",
      help: "The cases an AI cannot handle are often the ones that matter most. Good: clear rules for when the AI hands over, a named queue or team that receives the case with context, and a time within which they respond.",
      options: [
        { id: "no", label: "It always tries to handle the case itself", score: 0 },
        { id: "vague", label: "It can hand over, but to no one in particular", score: 1 },
        { id: "defined", label: "It hands over to a named team with the context", score: 3 },
        { id: "defined_sla", label: "Named team, with context and a response time", score: 4 },
      ],
      weight: 1.3,
      recommendation:
        "Define when the AI must hand a case to a person, which team receives it, what context comes with it, and how fast they respond.",
      assumption: "Cases the AI cannot handle reach a person who deals with them.",
    },
    {
      id: "hand_capacity",
      dimensionId: "handoffs",
      prompt:
        "Does the team receiving hand-offs have the time to handle them, including in a bad week?",
      help: "A pilot that hands 15% of cases back can swamp a team that was reduced because of the AI. Good: hand-off volumes are estimated and staffed, including for spikes.",
      options: [
        { id: "no", label: "No, or we have not checked", score: 0 },
        { id: "normal_only", label: "For normal volumes, not spikes", score: 2 },
        { id: "planned", label: "Yes, including spikes", score: 4 },
      ],
      weight: 0.9,
      recommendation:
        "Estimate hand-off volumes (normal and peak) and make sure the receiving team is staffed for them before reducing anyone's role.",
      assumption: "People have the capacity to take the cases the AI hands over.",
    },
    {
      id: "hand_on_call",
      dimensionId: "handoffs",
      prompt: "If the AI misbehaves at 3 a.m. or during a holiday, who gets called?",
      help: "Production runs outside office hours. Good: the workflow is part of an on-call rota, with a runbook that says how to pause the AI and return work to people.",
      options: [
        { id: "nobody", label: "Nobody", score: 0 },
        { id: "office_hours", label: "Someone during office hours only", score: 1 },
        { id: "rota_runbook", label: "An on-call rota with a runbook", score: 4 },
      ],
      weight: 1.1,
      recommendation:
        "Add the workflow to an on-call rota and write a runbook for pausing the AI and returning work to people.",
      assumption: "Someone responds to problems at any hour.",
    },
    {
      id: "hand_feedback_loop",
      dimensionId: "handoffs",
      prompt: "When people correct the AI, does that feedback reach someone who improves it?",
      help: "Every override is information about where the AI is weak. If corrections vanish into the queue, the same mistakes repeat. Good: overrides and corrections are captured with a reason and reviewed regularly.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "ad_hoc", label: "Sometimes, informally", score: 2 },
        { id: "reviewed", label: "Yes, captured with a reason and reviewed regularly", score: 4 },
      ],
      weight: 0.8,
      recommendation:
        "Capture every human correction with a reason and review them regularly to improve the workflow.",
      assumption: "Human corrections are used to improve the AI.",
    },
    {
      id: "hand_staff_trained",
      dimensionId: "handoffs",
      prompt:
        "Do the people working alongside the AI know what it does, where it is weak, and when to override it?",
      help: "People either trust the AI too much (and approve everything) or too little (and redo everything). Good: short training on what the AI does, its known weak spots and how to override or escalate.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "briefed", label: "They have been briefed", score: 2 },
        { id: "trained", label: "Yes, trained on weak spots and overrides", score: 4 },
      ],
      weight: 0.7,
      recommendation:
        "Train the people around the AI on its known weak spots and on how to override and escalate.",
      assumption: "People around the AI know when not to trust it.",
    },

    // ── Governance, change management and success metrics ───────────────────
    {
      id: "gov_success_metrics",
      dimensionId: "governance",
      prompt:
        "Were success measures (accuracy, time saved, error rate, cost) agreed before the pilot starts?",
      help: "Without measures agreed in advance, every pilot is declared a success. Good: a few numbers, with targets and a baseline from today's process, agreed by the sponsor and the people doing the work.",
      options: [
        { id: "none", label: "No", score: 0 },
        { id: "vague", label: "Loosely ('it should save time')", score: 1 },
        { id: "targets", label: "Yes, measures with targets", score: 3 },
        {
          id: "targets_baseline",
          label: "Measures with targets and a baseline from today",
          score: 4,
        },
      ],
      weight: 1.4,
      recommendation:
        "Agree a few success measures with targets before the pilot, and measure today's baseline so the comparison is fair.",
      assumption: "Everyone agrees what success looks like and how it is measured.",
    },
    {
      id: "gov_change_control",
      dimensionId: "governance",
      prompt:
        "Do changes to prompts, models, rules or permissions go through review before reaching production?",
      help: "A one-line prompt edit can change behaviour as much as a code release. Good: prompt, model and configuration changes are versioned, reviewed, tested on replayed cases and recorded.",
      options: [
        { id: "no", label: "No, people edit them directly", score: 0 },
        { id: "informal", label: "Someone usually looks", score: 1 },
        { id: "reviewed", label: "Yes, versioned and reviewed", score: 3 },
        { id: "reviewed_tested", label: "Versioned, reviewed and tested before release", score: 4 },
      ],
      weight: 1.1,
      recommendation:
        "Version prompts, models and configuration, and require review and a replay test before any change reaches production.",
      assumption: "Changes to the AI are reviewed and tested before release.",
    },
    {
      id: "gov_model_vendor",
      dimensionId: "governance",
      prompt:
        "If the AI vendor changes or retires the model you use, will you know and be able to test before it affects you?",
      help: "Providers update models, change defaults and retire versions on their own schedule. Good: a pinned model version, notice of changes, and a replay test before switching.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "pinned", label: "The version is pinned, but we have no test process", score: 2 },
        { id: "managed", label: "Pinned, monitored and tested before switching", score: 4 },
      ],
      weight: 0.8,
      recommendation:
        "Pin the model version, watch the provider's change notices and replay real cases before switching versions.",
      assumption: "Model changes by the vendor will not surprise the workflow.",
    },
    {
      id: "gov_risk_review",
      dimensionId: "governance",
      prompt:
        "Has the workflow been reviewed by the people responsible for risk, security, privacy or compliance?",
      help: "Findings from a risk review are cheap before a pilot and expensive after an incident. Good: the relevant reviewers have seen the action inventory and the approval rules, and their conditions are tracked.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "informal", label: "Informally", score: 1 },
        { id: "reviewed", label: "Yes, with their conditions recorded", score: 4 },
      ],
      weight: 1,
      recommendation:
        "Take the action inventory and approval rules to risk, security and privacy reviewers, and track their conditions to closure.",
      assumption: "Risk, security and privacy requirements are known and met.",
    },
    {
      id: "gov_stop_criteria",
      dimensionId: "governance",
      prompt: "Is it agreed in advance what results would make you pause or stop the pilot?",
      help: "Sunk cost keeps failing pilots alive. Deciding the stop conditions up front (an error rate, an incident, a cost) makes the decision easy when it comes. Good: written stop criteria, agreed by the sponsor.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "informal", label: "Roughly", score: 1 },
        { id: "written", label: "Yes, written and agreed by the sponsor", score: 4 },
      ],
      weight: 0.9,
      recommendation:
        "Write down, before the pilot, which results would make you pause or stop, and get the sponsor to agree.",
      assumption: "The organisation will stop the pilot if it does not work.",
    },
    {
      id: "gov_affected_informed",
      dimensionId: "governance",
      prompt:
        "Have the people whose work changes (and, where relevant, customers) been told what the AI will do?",
      help: "Staff who learn about the AI from its mistakes work around it; customers who learn about it from a wrong email lose trust. Good: affected staff were involved early, and customers are told where they interact with the AI.",
      options: [
        { id: "no", label: "No", score: 0 },
        { id: "partly", label: "Some of them", score: 2 },
        { id: "yes", label: "Yes, and staff were involved in the design", score: 4 },
      ],
      weight: 0.6,
      recommendation:
        "Involve the staff whose work changes in the design, and tell customers where they will deal with the AI.",
      assumption: "The people affected know about the AI and will work with it.",
    },
  ],
  blockers: [
    {
      id: "irreversible_without_approval",
      when: {
        all: [
          { inventory: "has_irreversible_money_or_security_write" },
          { question: "perm_approval_step", anyOf: ["none", "informal"], orDontKnow: true },
        ],
      },
      capBand: "sandbox_only",
      reason:
        "The AI would take irreversible actions on money or access with no enforced approval step, so it must stay on test data until a person approves each such action.",
    },
    {
      id: "broad_credentials",
      when: { question: "perm_service_account", anyOf: ["personal_or_admin"], orDontKnow: true },
      capBand: "sandbox_only",
      reason:
        "The AI would act with a person's login or an admin account, so nothing limits or identifies what it does. Give it a dedicated, narrowly scoped account first.",
    },
    {
      id: "no_owner",
      when: { question: "hand_owner", anyOf: ["none"], orDontKnow: true },
      capBand: "sandbox_only",
      reason:
        "Nobody is accountable for the workflow's outcomes, so nobody would act when it misbehaves.",
    },
    {
      id: "cannot_stop",
      when: { question: "rev_stop", anyOf: ["no"], orDontKnow: true },
      capBand: "shadow",
      reason:
        "The AI cannot be stopped quickly, so it should not act on real systems; in shadow mode it only proposes and people act.",
    },
    {
      id: "accuracy_not_measured_on_real_work",
      when: { question: "obs_real_accuracy", anyOf: ["never", "demo"], orDontKnow: true },
      capBand: "shadow",
      reason:
        "Accuracy has not been measured on real cases, so the first step is to measure it in shadow mode, beside the people doing the work.",
    },
    {
      id: "no_action_log",
      when: { question: "obs_logging", anyOf: ["none"], orDontKnow: true },
      capBand: "shadow",
      reason: "AI actions would not be logged, so incidents could not be investigated or undone.",
    },
    {
      id: "writes_without_undo",
      when: {
        all: [
          { inventory: "writes_anywhere" },
          { question: "rev_undo", anyOf: ["no"], orDontKnow: true },
        ],
      },
      capBand: "shadow",
      reason: "The AI would change records with no reliable way to find and revert its changes.",
    },
    {
      id: "single_person_dependency",
      when: { question: "process_key_person", anyOf: ["only_one"], orDontKnow: true },
      capBand: "shadow",
      reason:
        "The workflow depends on one person's knowledge; capture it (shadow mode is a good way) before the AI takes over any part.",
    },
    {
      id: "no_success_measures",
      when: { question: "gov_success_metrics", anyOf: ["none"], orDontKnow: true },
      capBand: "supervised",
      reason:
        "No success measures were agreed, so there is no basis for letting the AI act without a person approving each action.",
    },
  ],
};
