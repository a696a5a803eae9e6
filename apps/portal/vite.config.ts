import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

// Server-side workspace packages stay external: the host process loads them once, so both
// apps share one database handle and the same context keys (docs/decisions/003).
const serverPackages = [
  "@homeward/db",
  "@homeward/auth",
  "@homeward/runtime",
  "@homeward/mail",
  "@homeward/services",
];

export default defineConfig({
  plugins: [reactRouter()],
  ssr: { external: serverPackages },
  environments: {
    ssr: {
      build: {
        rollupOptions: {
          external: (id) => serverPackages.some((p) => id === p || id.startsWith(`${p}/`)),
        },
      },
    },
  },
  // HOMEWARD_SOURCEMAP=1: maps for finding what makes up the browser bundle (see decision 013).
  build: { sourcemap: process.env.HOMEWARD_SOURCEMAP === "1" },
});
