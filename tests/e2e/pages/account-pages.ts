import type { Page } from "playwright-core";

/** The account page: email verification, password and sessions. */
export class AccountPages {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/account");
    await this.page.getByRole("heading", { name: "Your account" }).waitFor();
  }

  /** "Sign out of all devices", confirmed; ends on the sign-in page. */
  async signOutEverywhere(): Promise<void> {
    await this.open();
    await this.page.getByRole("button", { name: "Sign out of all devices" }).click();
    await this.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await this.page.waitForURL(/\/sign-in\?reason=signed-out-everywhere$/);
  }

  /** Changes the password on the account page; this browser stays signed in. */
  async changePassword(current: string, next: string): Promise<void> {
    await this.open();
    await this.page.getByLabel("Current password").fill(current);
    await this.page.getByLabel("New password").fill(next);
    await this.page.getByRole("button", { name: "Change password" }).click();
    await this.page.waitForURL(/\/account\?changed=password$/);
    await this.page.getByText("Your password was changed.").waitFor();
  }

  /** The verification banner shown across the app, if it is there. */
  verifyBanner() {
    return this.page.getByTestId("verify-email-banner");
  }
}
