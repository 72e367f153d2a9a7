import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, newPerson, personNamed, uniq } from "./browser";
import { waitForEmail } from "./mailbox";
import { AccountPages } from "./pages/account-pages";
import { AuthPages } from "./pages/auth-pages";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const orgSlug = (url: string) => new URL(url).pathname.split("/")[2]!;

describe("an account", () => {
  test("sign-up sends a verification email over SMTP; its link verifies the address and the banner goes", async () => {
    const me = personNamed("Vera Verify");
    const ctx = await newPerson(browser);
    const page = await ctx.newPage();
    const auth = new AuthPages(page);
    const account = new AccountPages(page);
    await auth.signUp(me, `Verify ${uniq()}`);
    const orgUrl = page.url();

    // Signed in and using the app, with a banner until the address is verified.
    await account.verifyBanner().waitFor();
    expect(await account.verifyBanner().textContent()).toContain(me.email);
    const first = await waitForEmail(me.email, "Verify your email address for Preflight");
    expect(first.from).toBe("preflight@example.com");

    // Another link on request.
    await account.verifyBanner().getByRole("button", { name: "Send a new link" }).click();
    await account.verifyBanner().getByText(`We sent a new link to ${me.email}.`).waitFor();
    await waitForEmail(me.email, "Verify your email address for Preflight", {
      after: first.receivedAt + 1,
    });

    await auth.verifyEmail(me.email);
    await page.goto(orgUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await account.verifyBanner().count()).toBe(0);
    await account.open();
    await page.getByText("Verified", { exact: true }).waitFor();
    await ctx.close();
  });

  test("a forgotten password: the emailed link sets a new one that works, and a session signed in before it ends", async () => {
    const me = personNamed("Fay Forgetful");
    const newPassword = `new-${uniq()}-${uniq()}`;

    // The old session: signed in, in a browser of its own, before the reset.
    const oldCtx = await newPerson(browser);
    const oldPage = await oldCtx.newPage();
    await new AuthPages(oldPage).signUp(me, `Forgetful ${uniq()}`);
    const slug = orgSlug(oldPage.url());

    const ctx = await newPerson(browser);
    const page = await ctx.newPage();
    const auth = new AuthPages(page);
    const asked = Date.now();
    const answer = await auth.requestPasswordReset(me.email);
    expect(answer).toMatch(/^If an account exists for that address, we have sent it a link/);
    // An address without an account gets the very same answer (and no email).
    expect(await auth.requestPasswordReset(`nobody.${uniq()}@example.com`)).toBe(answer);

    const link = await auth.resetPasswordFromEmail(me.email, newPassword, asked);
    await page.getByText("Your password was changed. Sign in with your new password.").waitFor();
    await waitForEmail(me.email, "Your Preflight password was changed", { after: asked });

    // The old password is refused, the new one works.
    await auth.signIn(me.email, me.password);
    expect(await auth.formError()).toBe("The email or password is incorrect.");
    await auth.signIn(me.email, newPassword);
    await page.waitForURL(new RegExp(`/o/${slug}$`));

    // The session from before the reset is over.
    await oldPage.goto(`/o/${slug}`);
    await oldPage.waitForURL(/\/sign-in\?reason=ended$/);
    await oldPage.getByText("You were signed out").waitFor();

    // The link worked once.
    await page.goto(link);
    await page.getByRole("heading", { name: "This link cannot be used" }).waitFor();
    await Promise.all([ctx.close(), oldCtx.close()]);
  });

  test("signing out of all devices ends the sessions in other browsers too", async () => {
    const me = personNamed("Sol Signout");
    const laptop = await newPerson(browser);
    const laptopPage = await laptop.newPage();
    await new AuthPages(laptopPage).signUp(me, `Signout ${uniq()}`);
    const slug = orgSlug(laptopPage.url());

    const phone = await newPerson(browser);
    const phonePage = await phone.newPage();
    await new AuthPages(phonePage).signIn(me.email, me.password);
    await phonePage.waitForURL(new RegExp(`/o/${slug}$`));

    await new AccountPages(phonePage).signOutEverywhere();
    await phonePage.getByText("You have been signed out of all devices.").waitFor();
    await laptopPage.goto(`/o/${slug}`);
    await laptopPage.waitForURL(/\/sign-in\?reason=ended$/);
    await Promise.all([laptop.close(), phone.close()]);
  });

  test("changing the password keeps this browser signed in, ends the others, and sends a notice", async () => {
    const me = personNamed("Cory Change");
    const newPassword = `new-${uniq()}-${uniq()}`;
    const here = await newPerson(browser);
    const herePage = await here.newPage();
    await new AuthPages(herePage).signUp(me, `Change ${uniq()}`);
    const slug = orgSlug(herePage.url());
    const elsewhere = await newPerson(browser);
    const elsewherePage = await elsewhere.newPage();
    await new AuthPages(elsewherePage).signIn(me.email, me.password);
    await elsewherePage.waitForURL(new RegExp(`/o/${slug}$`));

    const changed = Date.now();
    await new AccountPages(herePage).changePassword(me.password, newPassword);
    await herePage.goto(`/o/${slug}`);
    await herePage.waitForURL(new RegExp(`/o/${slug}$`));
    await elsewherePage.goto(`/o/${slug}`);
    await elsewherePage.waitForURL(/\/sign-in\?reason=ended$/);
    const notice = await waitForEmail(me.email, "Your Preflight password was changed", {
      after: changed,
    });
    expect(notice.text).toContain("from the account page");
    await Promise.all([here.close(), elsewhere.close()]);
  });
});
