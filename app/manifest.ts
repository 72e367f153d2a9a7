import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): name, icons and colours when installed. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Preflight",
    short_name: "Preflight",
    description: "Decide whether an AI workflow is ready for production, then track it there.",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#1d4ed8",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/apple-icon.png", type: "image/png", sizes: "180x180" },
    ],
  };
}
