import { handlers } from "@/lib/auth";
import { withTooManyAttemptsStatus } from "@/lib/auth/rate-limits";

export const GET = handlers.GET;
export const POST = withTooManyAttemptsStatus(handlers.POST);
