import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // This app is its own project (its own lockfile), not part of the repository around it.
  turbopack: { root: __dirname },
  // scripts/examples.mjs runs `tsc -p tsconfig.json` before `next build`; the build need not type-check again.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
