import { z } from "zod";

/** The `name=value` part of each Set-Cookie header, joined as a Cookie header. */
function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/**
 * Signs in through Auth.js's credentials flow as a browser does (CSRF cookie and token, then a
 * form post) and answers the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = z.object({ csrfToken: z.string().min(1) }).parse(await csrf.json());
  const jar = cookiesOf(csrf);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  const session = cookiesOf(res).find((c) => /authjs\.session-token=./.test(c));
  if (!session) {
    throw new Error(
      `Signing in as ${email} failed: ${res.status} ${res.headers.get("location") ?? ""}`.trim(),
    );
  }
  return session;
}

/** The slug of the signed-in person's first organisation (where `/` sends them). */
export async function firstOrgSlug(baseUrl: string, cookie: string): Promise<string> {
  const res = await fetch(`${baseUrl}/`, { headers: { cookie }, redirect: "manual" });
  const location = res.headers.get("location") ?? "";
  const slug = /\/o\/([^/?#]+)/.exec(location)?.[1];
  if (!slug) throw new Error(`GET / did not lead to an organisation (${res.status} ${location})`);
  return slug;
}

const pilotList = z.object({
  data: z.array(z.object({ id: z.uuid(), stage: z.string(), openIncidents: z.number() })),
});
const assessmentList = z.object({
  data: z.array(z.object({ id: z.uuid(), useCaseId: z.uuid(), status: z.string() })),
});
const workshopList = z.object({
  data: z.array(z.object({ id: z.uuid(), state: z.string() })),
});

async function api<S extends z.ZodType>(
  baseUrl: string,
  token: string,
  path: string,
  schema: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  const res = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  if (!res.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${res.status}`);
  return schema.parse(await res.json());
}

/** The records the benchmark's pages show; given ones (a generator's output) are kept. */
export type TargetIds = {
  pilotId: string | null;
  submittedAssessmentId: string | null;
  draftAssessmentId: string | null;
  workshopId: string | null;
  /** Another pilot, to log incidents on without growing the measured pilot page. */
  ingestPilotId: string | null;
};

/**
 * Finds what the targets need through the API: a production pilot (the one with the most
 * open incidents), a submitted assessment, a workshop (open first), an assessment in
 * progress (started on the submitted one's use case when there is none) and another pilot for
 * the ingestion target.
 */
export async function lookUpTargets(
  baseUrl: string,
  token: string,
  known: Partial<TargetIds> & { useCaseId?: string | null } = {},
): Promise<TargetIds> {
  let pilotId = known.pilotId ?? null;
  if (!pilotId) {
    const { data } = await api(baseUrl, token, "/api/v1/pilots?stage=production", pilotList);
    pilotId = data.sort((a, b) => b.openIncidents - a.openIncidents)[0]?.id ?? null;
  }
  let submitted = known.submittedAssessmentId ?? null;
  let useCaseId = known.useCaseId ?? null;
  if (!submitted) {
    const { data } = await api(
      baseUrl,
      token,
      "/api/v1/assessments?status=submitted",
      assessmentList,
    );
    submitted = data[0]?.id ?? null;
    useCaseId ??= data[0]?.useCaseId ?? null;
  }
  let draft = known.draftAssessmentId ?? null;
  if (!draft) {
    const { data } = await api(
      baseUrl,
      token,
      "/api/v1/assessments?status=in_progress",
      assessmentList,
    );
    draft = data[0]?.id ?? null;
  }
  if (!draft && useCaseId) {
    // Starting one is a write: the organisation gets an assessment in progress to show. A
    // token whose role may not start one leaves the wizard unmeasured.
    const started = await api(baseUrl, token, "/api/v1/assessments", z.object({ id: z.uuid() }), {
      method: "POST",
      body: JSON.stringify({ useCaseId }),
    }).catch(() => null);
    draft = started?.id ?? null;
  }
  let workshopId = known.workshopId ?? null;
  if (!workshopId) {
    const { data } = await api(baseUrl, token, "/api/v1/workshops", workshopList);
    workshopId =
      (data.find((w) => w.state !== "draft" && w.state !== "closed") ?? data[0])?.id ?? null;
  }
  let ingestPilotId = known.ingestPilotId ?? null;
  if (!ingestPilotId) {
    const { data } = await api(baseUrl, token, "/api/v1/pilots", pilotList);
    ingestPilotId = data.find((p) => p.id !== pilotId)?.id ?? pilotId;
  }
  return {
    pilotId,
    submittedAssessmentId: submitted,
    draftAssessmentId: draft,
    workshopId,
    ingestPilotId,
  };
}
