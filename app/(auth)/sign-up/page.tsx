import type { Metadata } from "next";
import { AuthPage } from "@/components/account/auth-page";
import { SignUpForm } from "@/components/account/sign-up-form";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account · Preflight" };

export default function SignUpPage() {
  return (
    <AuthPage
      title="Create an account"
      intro="You will own a new organisation. Joining an existing one? Use the invitation link an admin sent you."
      alternative={{ prompt: "Already have an account?", href: "/sign-in", label: "Sign in" }}
    >
      <SignUpForm signUpAction={signUpAction} />
    </AuthPage>
  );
}
