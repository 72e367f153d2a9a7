import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/account/sign-up-form";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account · Preflight" };

export default function SignUpPage() {
  return (
    <div className="grid gap-5">
      <div>
        <h1 className="text-xl font-semibold">Create an account</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          You will own a new organisation. Joining an existing one? Use the invitation link an admin
          sent you.
        </p>
      </div>
      <SignUpForm signUpAction={signUpAction} />
      <p className="text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link
          className="font-medium text-primary underline-offset-4 hover:underline"
          href="/sign-in"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
