/** The executive's portfolio: settings, filters, "needs attention" rules and the dashboard's DTOs. */
export * from "./attention";
export * from "./loop-by-band";
export * from "./settings";
export * from "./types";
