import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, launchBrowser, newPerson, personNamed, uniq } from "./browser";
import { waitForEmail } from "./mailbox";
import { AuthPages } from "./pages/auth-pages";
import { SettingsPages } from "./pages/settings-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("an organisation with two people", () => {
  test("sign up, invite a contributor who joins, sign out and in, roles are enforced", async () => {
    const owner = personNamed("Olive Owner");
    const orgName = `Acme ${uniq()}`;
    const ownerCtx = await newPerson(browser);
    const ownerPage = await ownerCtx.newPage();
    const ownerAuth = new AuthPages(ownerPage);

    // Sign-up creates the organisation and lands on its dashboard.
    await ownerAuth.signUp(owner, orgName);
    const slug = new URL(ownerPage.url()).pathname.split("/")[2]!;
    expect(await ownerPage.getByRole("heading", { level: 1 }).textContent()).toBe(orgName);

    // The owner invites a contributor by link.
    const settings = new SettingsPages(ownerPage, slug);
    const contributor = personNamed("Casey Contributor");
    const link = await settings.createInvitation("Contributor", contributor.email);
    expect(link).toMatch(/\/invite\/inv_/);

    // The second person opens the link in their own browser and joins with that role.
    const contribCtx = await newPerson(browser);
    const contribPage = await contribCtx.newPage();
    const contribAuth = new AuthPages(contribPage);
    await contribAuth.acceptInvitationAsNewUser(link, contributor);
    expect(new URL(contribPage.url()).pathname).toBe(`/o/${slug}`);

    await settings.openMembers();
    expect(await settings.roleOf(contributor.email)).toBe("Contributor".toLowerCase());

    // Sign out, then sign back in with the same credentials.
    await contribAuth.signOut();
    await contribPage.goto(`/o/${slug}`);
    await contribPage.waitForURL(/\/sign-in/);
    await contribAuth.signIn(contributor.email, contributor.password);
    await contribPage.waitForURL(new RegExp(`/o/${slug}$`));

    // The contributor does not see, and cannot open, the admin settings.
    await contribPage.goto(`/o/${slug}/settings`);
    const tabs = contribPage.getByRole("navigation", { name: "Settings" });
    expect(await tabs.getByRole("link").allTextContents()).toEqual(["General", "Members", "Gates"]);
    // Gates are there to read, not to change.
    await contribPage.goto(`/o/${slug}/settings/gates`);
    await contribPage.getByText("Only admins and owners change gates").waitFor();
    expect(await contribPage.getByRole("button", { name: "Save gate" }).count()).toBe(0);
    for (const area of ["tokens", "audit"]) {
      await contribPage.goto(`/o/${slug}/settings/${area}`);
      await contribPage.getByText("You don't have access to this page").waitFor();
    }
    expect(await contribPage.getByRole("button", { name: "Create invitation link" }).count()).toBe(
      0,
    );

    // The invitation link cannot be used twice.
    const thirdCtx = await newPerson(browser);
    const thirdPage = await thirdCtx.newPage();
    await thirdPage.goto(link);
    await thirdPage.getByText("This invitation has already been used.").waitFor();

    // Someone from another organisation gets "not found".
    const stranger = personNamed("Sam Stranger");
    await new AuthPages(thirdPage).signUp(stranger, `Other ${uniq()}`);
    const res = await thirdPage.goto(`/o/${slug}/settings`);
    expect(res?.status()).toBe(404);

    // The audit log records the invitation and the join, each as a sentence.
    await ownerPage.goto(`/o/${slug}/settings/audit`);
    const log =
      (await ownerPage.getByRole("table", { name: "Audit events, newest first" }).textContent()) ??
      "";
    expect(log).toContain("invitation.created");
    expect(log).toContain("member.joined");
    expect(log).toContain(
      `${owner.name} invited ${contributor.email.toLowerCase()} to join as Contributor`,
    );
    expect(log).toContain(`${contributor.name} joined as Contributor, accepting an invitation.`);

    await Promise.all([ownerCtx.close(), contribCtx.close(), thirdCtx.close()]);
  });

  test("an admin's API token reads the organisation over HTTP until it is revoked", async () => {
    const owner = personNamed("Tara Tokens");
    const ctx = await newPerson(browser);
    const page = await ctx.newPage();
    const orgName = `Tokens ${uniq()}`;
    await new AuthPages(page).signUp(owner, orgName);
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    const token = await new SettingsPages(page, slug).createToken("Pager bridge", "Viewer");
    expect(token).toMatch(/^pf_/);
    // Its creator is told by email, so a token they did not make would stand out.
    const notice = await waitForEmail(owner.email, `New API token "Pager bridge" in ${orgName}`);
    expect(notice.text).toContain("Acts as role: Viewer");

    const call = (path: string, t = token) =>
      fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${t}` } });
    const org = await call("/api/v1/organisation");
    expect(org.status).toBe(200);
    expect(await org.json()).toMatchObject({ slug, token: { role: "viewer" } });
    // A viewer token may not read the audit log.
    const audit = await call("/api/v1/audit-events");
    expect(audit.status).toBe(403);
    expect((await audit.json()).error.code).toBe("forbidden");
    expect((await call("/api/v1/organisation", "pf_not-a-real-token")).status).toBe(401);

    await page.reload();
    await page.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("button", { name: "Revoke token" }).click();
    await page.getByText("Revoked", { exact: true }).waitFor();
    expect((await call("/api/v1/organisation")).status).toBe(401);
    await ctx.close();
  });

  test("a wrong password is refused without saying why, and the sixth try in a minute is rate-limited", async () => {
    const owner = personNamed("Rita Retry");
    const ctx = await newPerson(browser);
    const page = await ctx.newPage();
    const auth = new AuthPages(page);
    await auth.signUp(owner, `Retry ${uniq()}`);
    await auth.signOut();

    for (let attempt = 1; attempt <= 5; attempt++) {
      await auth.signIn(owner.email, "wrong-password");
      expect(await auth.formError()).toBe("The email or password is incorrect.");
    }
    await auth.signIn(owner.email, owner.password);
    expect(await auth.formError()).toBe("Too many attempts; try again in 1 minute.");
    await ctx.close();
  });
});
