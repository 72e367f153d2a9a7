export * from "./assessments";
export * from "./audit";
export * from "./auth";
export * from "./organisations";
export * from "./use-cases";
