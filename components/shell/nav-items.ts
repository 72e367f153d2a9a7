export type NavItem = { href: string; label: string; icon: string; adminOnly?: boolean };

/** The product's areas, in the order the left navigation shows them. */
export const NAV_ITEMS: NavItem[] = [
  { href: "", label: "Dashboard", icon: "layout-dashboard" },
  { href: "/use-cases", label: "Use cases", icon: "briefcase" },
  { href: "/assessments", label: "Assessments", icon: "clipboard-check" },
  { href: "/pilots", label: "Pilots", icon: "rocket" },
  { href: "/incidents", label: "Incidents", icon: "siren" },
  { href: "/lessons", label: "Lessons", icon: "graduation-cap" },
  { href: "/workshops", label: "Workshops", icon: "users" },
  { href: "/settings", label: "Settings", icon: "settings" },
];
