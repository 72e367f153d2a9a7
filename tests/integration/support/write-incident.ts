// Logs an open sev1 incident on a pilot from a process of its own, as a second instance of the
// app would: `tsx tests/integration/support/write-incident.ts <org slug> <owner email> <pilot id>`.
// It connects to the database DATABASE_URL names (PostgreSQL only: PGlite is one process's).
import { closeDatabase } from "@/db";
import { createIncident } from "@/db/queries/incident-writes";
import { memberContext } from "@/db/queries/organisations";
import { findUserByEmail } from "@/db/queries/users";

const [slug, email, pilotId] = process.argv.slice(2);
if (!slug || !email || !pilotId) throw new Error("usage: write-incident <slug> <email> <pilot id>");
const user = await findUserByEmail(email);
const ctx = user && (await memberContext(user, slug));
if (!ctx) throw new Error("not a member");
await createIncident(ctx, pilotId, {
  title: "Written by another instance",
  description: "",
  severity: "sev1",
  category: "stale_data",
  detectionSource: "automated_check",
  outcome: "contained",
  startedAt: new Date(),
  detectedAt: null,
  acknowledgedAt: null,
  mitigatedAt: null,
  resolvedAt: null,
  costEstimate: null,
  assumptionId: null,
  actions: [],
});
await closeDatabase();
