// Drives incident ingestion through the API of a running server, each request with its own
// Idempotency-Key: one incident per request (POST /api/v1/pilots/{id}/incidents), as a pager
// or ticketing system sends them, or with --batch N, N incidents per request
// (POST /api/v1/pilots/{id}/incidents/batch), as a monitoring integration does.
//
//   npm run bench:ingestion -- --url http://127.0.0.1:3000 --token pf_… --pilot <pilot id>
//     [--duration 10] [--connections 8] [--batch 1]
//
// Reports incidents per second and latency percentiles; every answer must be 201.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { z } from "zod";
import { parseArgsWith } from "./lib/cli";

const USAGE =
  "Usage: npm run bench:ingestion -- --url <server> --token <API token> --pilot <pilot id> [--duration <s>] [--connections <n>] [--batch <1-500>]";
const args = parseArgsWith(
  z.object({
    url: z.url(),
    token: z.string().min(10),
    pilot: z.uuid(),
    duration: z.coerce.number().int().min(1).max(600).default(10),
    connections: z.coerce.number().int().min(1).max(256).default(8),
    batch: z.coerce.number().int().min(1).max(500).default(1),
  }),
  USAGE,
);

// A start an hour ago: after any live pilot's start, never in the future.
const startedAt = new Date(Date.now() - 3_600_000).toISOString();
let n = 0;
const incident = () => ({
  title: `Ingested incident ${++n}`,
  severity: "sev3",
  category: "integration_failure",
  detectionSource: "automated_check",
  outcome: "prevented",
  startedAt,
});
const batched = args.batch > 1;
const body = () =>
  JSON.stringify(
    batched ? { incidents: Array.from({ length: args.batch }, incident) } : incident(),
  );

const statuses = new Map<number, number>();
const result = await autocannon({
  url: `${args.url.replace(/\/$/, "")}/api/v1/pilots/${args.pilot}/incidents${batched ? "/batch" : ""}`,
  method: "POST",
  connections: args.connections,
  duration: args.duration,
  headers: { authorization: `Bearer ${args.token}`, "content-type": "application/json" },
  requests: [
    {
      setupRequest: (request) => ({
        ...request,
        headers: { ...request.headers, "idempotency-key": randomUUID() },
        body: body(),
      }),
      onResponse: (status) => statuses.set(status, (statuses.get(status) ?? 0) + 1),
    },
  ],
});
const created = (statuses.get(201) ?? 0) * args.batch;
console.log(
  `${created} incidents created in ${result.duration} s: ${(created / result.duration).toFixed(0)}/s ` +
    `with ${args.connections} connections, ${args.batch} per request ` +
    `(${((statuses.get(201) ?? 0) / result.duration).toFixed(1)} req/s); latency p50 ${result.latency.p50} ms, ` +
    `p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms.`,
);
const other = [...statuses].filter(([status]) => status !== 201);
if (other.length > 0 || result.errors > 0 || result.timeouts > 0) {
  console.error(
    `Not every answer was 201: ${JSON.stringify(Object.fromEntries(other))}, ${result.errors} errors, ${result.timeouts} timeouts.`,
  );
  process.exitCode = 1;
}
