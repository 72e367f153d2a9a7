import type { Metadata } from "next";
import { AuthPage } from "@/components/account/auth-page";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password? · Preflight" };

export default function ForgotPasswordPage() {
  return (
    <AuthPage
      title="Forgot your password?"
      intro="Enter the email address of your account and we will send you a link to choose a new password."
      alternative={{ prompt: "Remembered it?", href: "/sign-in", label: "Sign in" }}
    >
      <ForgotPasswordForm />
    </AuthPage>
  );
}
