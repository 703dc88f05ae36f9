import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './lib/security/csp';
import { developmentLogging } from './lib/server/development-logging';
import { maxUploadBytes } from './lib/security/refuse-request';

// Forms with attachments (up to five files of ATTACHMENT_MAX_MB): proxy.ts refuses anything larger with a Dutch 413.
const uploadLimit = maxUploadBytes(Number(process.env.ATTACHMENT_MAX_MB) || 10);

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'oidc-provider'],
  poweredByHeader: false,
  // The benchmark's control page (app/bench/control/page.bench.tsx) and statement count
  // (app/bench/queries/route.bench.ts) are routes only in the
  // benchmark's own build (scripts/bench/build.ts): the product's route table never has it.
  pageExtensions: ['tsx', 'ts', ...(process.env.DIPLON_BENCH_BUILD === '1' ? ['bench.tsx', 'bench.ts'] : [])],
  // Benchmarks and parallel checks build into their own folder so they never clobber `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: false,
  // Invitation tokens, itsme codes and the mailbox's links stay out of the development log.
  logging: developmentLogging,
  experimental: {
    serverActions: { bodySizeLimit: uploadLimit },
    proxyClientMaxBodySize: uploadLimit,
  },
  async headers() {
    return [
      { source: '/:path*', headers: staticSecurityHeaders() },
      {
        // The invitation link carries a secret: never kept in a cache (the site-wide
        // Referrer-Policy, strict-origin, keeps it out of every Referer).
        source: '/uitnodiging/:path*',
        headers: [{ key: 'Cache-Control', value: 'no-store' }],
      },
    ];
  },
};

export default nextConfig;
