import { cn } from "@/lib/utils";

/** A form-level result message; errors are announced to screen readers. */
export function FormMessage({
  error,
  success,
  className,
}: {
  error?: string | null;
  success?: string | null;
  className?: string;
}) {
  if (error) {
    return (
      <p
        role="alert"
        data-testid="form-error"
        className={cn(
          "rounded-md border border-destructive/40 px-3 py-2 text-sm text-destructive",
          className,
        )}
      >
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p
        role="status"
        data-testid="form-success"
        className={cn(
          "rounded-md border border-success/40 px-3 py-2 text-sm text-success",
          className,
        )}
      >
        {success}
      </p>
    );
  }
  return null;
}
