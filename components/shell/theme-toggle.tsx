"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useEffect, useState } from "react";

const NEXT = { light: "dark", dark: "system", system: "light" } as const;
const LABEL = { light: "Light theme", dark: "Dark theme", system: "System theme" } as const;

/** Cycles light → dark → system; the label always names the current theme. */
export function ThemeToggle() {
  const { theme, setTheme } = useTheme();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const current = (mounted ? theme : "system") as keyof typeof NEXT;
  const Icon = current === "light" ? Sun : current === "dark" ? Moon : Monitor;
  return (
    <button
      type="button"
      onClick={() => setTheme(NEXT[current] ?? "system")}
      className="inline-flex size-8 items-center justify-center rounded-md hover:bg-muted"
      aria-label={`${LABEL[current] ?? "Theme"}: switch theme`}
      title={LABEL[current]}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  );
}
