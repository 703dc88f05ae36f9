import type { NextConfig } from 'next';
import { staticSecurityHeaders } from './lib/security/csp';

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'oidc-provider'],
  poweredByHeader: false,
  // Benchmarks and parallel checks build into their own folder so they never clobber `.next`.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typedRoutes: false,
  async headers() {
    return [
      { source: '/:path*', headers: staticSecurityHeaders() },
      {
        // The invitation link carries a secret: never leak it through Referer or a cache.
        source: '/uitnodiging/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'Cache-Control', value: 'no-store' },
        ],
      },
    ];
  },
};

export default nextConfig;
