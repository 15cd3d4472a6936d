import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The app is served from the binary (custom protocol); the build must not reach the network.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // Style sheets read as text by tests (`?raw`) keep their text; imported ones stay empty.
    css: { include: [/\.css\?raw$/] },
  },
});
