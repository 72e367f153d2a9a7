import type { UseCaseInput } from "@/db/queries/use-cases";

/** A use case with nothing but a name (no owner, no annual value, no systems), being assessed. */
export const plainUseCaseInput = (name: string): UseCaseInput => ({
  name,
  description: "",
  ownerId: null,
  businessValue: 3,
  annualValue: null,
  systems: [],
  status: "assessing",
});
