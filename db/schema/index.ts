export * from "./assessments";
export * from "./audit";
export * from "./auth";
export * from "./incidents";
export * from "./mail";
export * from "./organisations";
export * from "./pilots";
export * from "./use-cases";
