import type { Page } from "playwright-core";
import { linkInEmail, waitForEmail } from "../mailbox";

export type Person = { name: string; email: string; password: string };

/** The sign-up, sign-in and invitation screens. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(person: Person, organisationName: string): Promise<void> {
    await this.page.goto("/sign-up");
    await this.fillPerson(person);
    await this.page.getByLabel("Organisation name").fill(organisationName);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await this.page.waitForURL(/\/o\/[^/]+$/);
  }

  /**
   * Signs up from an invitation link. Joining needs a verified address, so the invitation page
   * says so until the link emailed at sign-up is opened; then the person joins from it.
   */
  async acceptInvitationAsNewUser(link: string, person: Person): Promise<void> {
    await this.page.goto(link);
    await this.fillPerson(person);
    await this.page.getByRole("button", { name: "Create account and join" }).click();
    await this.page.getByTestId("verify-before-joining").waitFor();
    await this.verifyEmail(person.email);
    await this.page.goto(link);
    await this.page.getByRole("button", { name: `Join as ${person.email.toLowerCase()}` }).click();
    await this.page.waitForURL(/\/o\/[^/]+$/);
  }

  /** Opens the latest verification link emailed to the address. */
  async verifyEmail(email: string): Promise<void> {
    const mail = await waitForEmail(email, "Verify your email address for Preflight");
    await this.page.goto(linkInEmail(mail, "/verify-email/"));
    await this.page.getByRole("heading", { name: "Your email address is verified" }).waitFor();
  }

  /** Asks for a password reset from the sign-in page; returns what the page answers. */
  async requestPasswordReset(email: string): Promise<string> {
    await this.page.goto("/sign-in");
    await this.page.getByRole("link", { name: "Forgot your password?" }).click();
    await this.page.waitForURL(/\/forgot-password$/);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByRole("button", { name: "Send me a link" }).click();
    const answer = this.page.getByTestId("form-success");
    await answer.waitFor();
    return (await answer.textContent()) ?? "";
  }

  /**
   * Sets a new password through the latest reset link emailed to the address (received after
   * `since`, a time in ms); returns the link.
   */
  async resetPasswordFromEmail(email: string, password: string, since = 0): Promise<string> {
    const mail = await waitForEmail(email, "Reset your Preflight password", { after: since });
    const link = linkInEmail(mail, "/reset-password/");
    await this.page.goto(link);
    await this.page.getByLabel("New password").fill(password);
    await this.page.getByRole("button", { name: "Set new password" }).click();
    await this.page.waitForURL(/\/sign-in\?reason=password-reset$/);
    return link;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL(/\/sign-in/);
  }

  /** The form-level error message, once it appears. */
  async formError(): Promise<string> {
    const error = this.page.getByTestId("form-error");
    await error.waitFor();
    return (await error.textContent()) ?? "";
  }

  private async fillPerson(person: Person): Promise<void> {
    await this.page.getByLabel("Your name").fill(person.name);
    await this.page.getByLabel("Work email").fill(person.email);
    await this.page.getByLabel("Password").fill(person.password);
  }
}
