import type { z } from "zod";
import { type ActionState, parseForm, runAction } from "@/lib/action-result";
import type { MemberContext } from "@/lib/domain/permissions";
import { requireMember } from "./session";

/** What an action reads from its form: a zod schema, or a parser that needs the member. */
export type FormInput<I> = z.ZodType<I> | ((formData: FormData, member: MemberContext) => I);

/**
 * The usual body of an organisation's server action: authenticate the caller as a member,
 * parse the form (`input`, or nothing when null), then run `body` with both. Expected
 * failures come back as the form's result, keeping what was typed (`runAction`); the query
 * the body calls checks the member's role. Pass `formData` as null to echo nothing back.
 */
export function memberAction<I = undefined, T = undefined>(
  orgSlug: string,
  formData: FormData | null,
  input: FormInput<I> | null,
  body: (member: MemberContext, input: I) => Promise<ActionState<T>>,
): Promise<ActionState<T>> {
  return runAction(formData, async () => {
    const member = await requireMember(orgSlug);
    const form = formData ?? new FormData();
    const parsed =
      input === null
        ? (undefined as I)
        : typeof input === "function"
          ? input(form, member)
          : parseForm(input, form);
    return body(member, parsed);
  });
}

/**
 * A server action as a page binds it: the organisation's slug, then the ids the page knows
 * (`A`: a pilot's, a use case's), then what `useActionState` passes.
 */
export type OrgFormAction<A extends unknown[] = [], T = undefined> = (
  orgSlug: string,
  ...rest: [...A, ActionState<T>, FormData]
) => Promise<ActionState<T>>;

/**
 * Builds an organisation's form action from what it reads and what it does: each call runs
 * through `memberAction`, and `body` gets the member, the parsed input and the bound ids.
 */
export function orgFormAction<I = undefined, A extends unknown[] = [], T = undefined>(
  input: FormInput<I> | null,
  body: (member: MemberContext, input: I, ...ids: A) => Promise<ActionState<T>>,
): OrgFormAction<A, T> {
  return async (orgSlug, ...rest) => {
    const formData = rest.at(-1) as FormData;
    const ids = rest.slice(0, -2) as A;
    return memberAction(orgSlug, formData, input, (member, parsed) => body(member, parsed, ...ids));
  };
}
