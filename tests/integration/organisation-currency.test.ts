import { describe, expect, test } from "vitest";
import { GET as getOrganisationRoute } from "@/app/api/v1/organisation/route";
import { GET as getUseCaseRoute } from "@/app/api/v1/use-cases/[id]/route";
import { POST as createUseCaseRoute } from "@/app/api/v1/use-cases/route";
import { updateOrganisationSchema } from "@/app/o/[org]/settings/schemas";
import { createApiToken } from "@/db/queries/api-tokens";
import { listAuditEvents } from "@/db/queries/audit";
import { getOrganisation, memberContext, updateOrganisation } from "@/db/queries/organisations";
import { systemContext } from "@/db/queries/system";
import { createUseCase } from "@/db/queries/use-cases";
import { makeOrg, outcome } from "./fixtures";

const get = (path: string, token: string) =>
  new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("organisation currency", () => {
  test("a new organisation counts in GBP, and every member context carries it", async () => {
    const org = await makeOrg();
    expect((await getOrganisation(org.ctx.viewer)).currency).toBe("GBP");
    expect(org.ctx.viewer.currency).toBe("GBP");
    expect((await systemContext(org.slug, "test")).currency).toBe("GBP");
  });

  test("an admin changes it: audited with before and after, and contexts built afterwards see it", async () => {
    const org = await makeOrg();
    const { version, name } = await getOrganisation(org.ctx.admin);
    const after = await updateOrganisation(org.ctx.admin, { name, currency: "EUR", version });
    expect(after).toMatchObject({ currency: "EUR", version: version + 1 });
    expect((await memberContext(org.users.viewer, org.slug))?.currency).toBe("EUR");
    expect((await systemContext(org.slug, "test")).currency).toBe("EUR");
    const { events } = await listAuditEvents(org.ctx.owner, { action: "organisation.updated" });
    expect(events[0]).toMatchObject({
      actorUserId: org.users.admin.id,
      before: { name, currency: "GBP" },
      after: { name, currency: "EUR" },
    });
  });

  test("leads and below cannot change it; a stale version is a conflict and changes nothing", async () => {
    const org = await makeOrg();
    const { version, name } = await getOrganisation(org.ctx.owner);
    expect(
      await outcome(updateOrganisation(org.ctx.lead, { name, currency: "USD", version })),
    ).toBe("forbidden");
    await updateOrganisation(org.ctx.owner, { name: "Renamed", version });
    expect(
      await outcome(updateOrganisation(org.ctx.admin, { name, currency: "USD", version })),
    ).toBe("conflict");
    const now = await getOrganisation(org.ctx.owner);
    expect(now).toMatchObject({ name: "Renamed", currency: "GBP", version: version + 1 });
  });

  test("the settings form accepts only the offered currencies, with a field message", () => {
    const form = { name: "Acme", version: "1" };
    expect(updateOrganisationSchema.safeParse({ ...form, currency: "CHF" }).data?.currency).toBe(
      "CHF",
    );
    for (const currency of ["XYZ", "gbp", "", "£"]) {
      const result = updateOrganisationSchema.safeParse({ ...form, currency });
      expect(result.error?.issues.find((i) => i.path[0] === "currency")?.message).toBe(
        "Choose a currency from the list.",
      );
    }
  });

  test("the API says which currency amounts are in, for the organisation and its use cases", async () => {
    const org = await makeOrg();
    const { token } = await createApiToken(org.ctx.owner, { name: "Reader", role: "viewer" });
    const useCase = await createUseCase(org.ctx.owner, {
      name: "Refunds",
      description: "",
      ownerId: null,
      businessValue: 3,
      annualValue: 180_000,
      systems: [],
      status: "candidate",
    });
    const read = async () => {
      const orgRes = await getOrganisationRoute(get("/api/v1/organisation", token), {
        params: Promise.resolve({}),
      });
      const caseRes = await getUseCaseRoute(get(`/api/v1/use-cases/${useCase.id}`, token), {
        params: Promise.resolve({ id: useCase.id }),
      });
      return [(await orgRes.json()).currency, await caseRes.json()];
    };
    const [before, caseBefore] = await read();
    expect(before).toBe("GBP");
    expect(caseBefore).toMatchObject({ annualValue: 180_000, currency: "GBP" });
    const { version, name } = await getOrganisation(org.ctx.owner);
    await updateOrganisation(org.ctx.owner, { name, currency: "JPY", version });
    const [after, caseAfter] = await read();
    expect(after).toBe("JPY");
    expect(caseAfter).toMatchObject({ annualValue: 180_000, currency: "JPY" });
  });

  test("the API takes the annual value as a number: text is a 422 that says how to send it", async () => {
    const org = await makeOrg();
    const { token } = await createApiToken(org.ctx.owner, { name: "Writer", role: "lead" });
    const post = (annualValue: unknown) =>
      createUseCaseRoute(
        new Request("http://localhost/api/v1/use-cases", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ name: "Refunds", businessValue: 3, annualValue }),
        }),
        { params: Promise.resolve({}) },
      );
    for (const value of ["£180k", -1, 1.5]) {
      const res = await post(value);
      expect(res.status).toBe(422);
      expect((await res.json()).error.fields.annualValue).toEqual([
        'Send a whole, non-negative number of the organisation\'s currency (at most 10,000,000,000,000), like 180000, or null; text such as "£180k" is for the web form.',
      ]);
    }
    const ok = await post(180_000);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ annualValue: 180_000, currency: "GBP" });
  });
});
