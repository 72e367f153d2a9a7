import type { Page } from "playwright-core";

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

  async acceptInvitationAsNewUser(link: string, person: Person): Promise<void> {
    await this.page.goto(link);
    await this.fillPerson(person);
    await this.page.getByRole("button", { name: "Create account and join" }).click();
    await this.page.waitForURL(/\/o\/[^/]+$/);
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
