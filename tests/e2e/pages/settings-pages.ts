import type { Page } from "playwright-core";

/** Settings → Members and Settings → API tokens. */
export class SettingsPages {
  constructor(
    private readonly page: Page,
    private readonly orgSlug: string,
  ) {}

  async openMembers(): Promise<void> {
    await this.page.goto(`/o/${this.orgSlug}/settings/members`);
  }

  /** Invites one person by email with a role; returns the link (it works only for them). */
  async createInvitation(roleLabel: string, email: string): Promise<string> {
    await this.openMembers();
    await this.page.getByLabel("Email of the person you invite").fill(email);
    await this.page.getByLabel("Role", { exact: true }).selectOption({ label: roleLabel });
    await this.page.getByRole("button", { name: "Create invitation link" }).click();
    const link = this.page.getByTestId("invitation-url");
    await link.waitFor();
    return link.inputValue();
  }

  /** The role shown in the members table for an email (select value or plain text). */
  async roleOf(email: string): Promise<string> {
    const row = this.page.getByTestId(`member-${email}`);
    await row.waitFor();
    const select = row.locator("select");
    if ((await select.count()) > 0) return select.inputValue();
    // The name is the row's header cell, so the role is the third cell of either kind.
    return ((await row.locator("th, td").nth(2).textContent()) ?? "").trim().toLowerCase();
  }

  async createToken(name: string, roleLabel: string): Promise<string> {
    await this.page.goto(`/o/${this.orgSlug}/settings/tokens`);
    await this.page.getByLabel("Name").fill(name);
    await this.page.getByLabel("Acts as role").selectOption({ label: roleLabel });
    await this.page.getByRole("button", { name: "Create token" }).click();
    const token = this.page.getByTestId("new-token");
    await token.waitFor();
    return token.inputValue();
  }
}
