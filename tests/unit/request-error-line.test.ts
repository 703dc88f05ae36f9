import { describe, expect, it } from 'vitest';
import { redactPath, requestErrorLine } from '@/lib/server/request-error-line';

describe('the log line of a server error', () => {
  it('carries the digest, method, route and a redacted path, as one JSON object', () => {
    const error = Object.assign(new Error('Leerling Noor Olijfhout: verslag ontbreekt'), { digest: '31415' });
    const line = requestErrorLine({
      error,
      request: { path: '/uitnodiging/abcDEF123_-xyz?lang=fr', method: 'POST' },
      context: { routePath: '/uitnodiging/[token]', routeType: 'action' },
      at: new Date('2026-12-07T10:00:00Z'),
    });
    expect(JSON.parse(line)).toEqual({
      level: 'error',
      time: '2026-12-07T10:00:00.000Z',
      msg: 'request failed',
      digest: '31415',
      error: 'Error',
      method: 'POST',
      path: '/uitnodiging/[token]',
      route: '/uitnodiging/[token]',
      routeType: 'action',
    });
    expect(line).not.toContain('abcDEF123');
    expect(line).not.toContain('Olijfhout');
  });

  it.each([
    ['/api/auth/callback/itsme?code=secret&state=x', '/api/auth/callback/itsme'],
    ['/dossiers/7b1e?tab=logboek#x', '/dossiers/7b1e'],
    ['/uitnodiging/tok/extra', '/uitnodiging/[token]/extra'],
    ['/aanvragen', '/aanvragen'],
  ])('redacts %s to %s', (path, expected) => {
    expect(redactPath(path)).toBe(expected);
  });

  it('an error without a digest (thrown before Next gave one) still logs, with digest null', () => {
    expect(JSON.parse(requestErrorLine({ error: 'boom', request: { path: '/', method: 'GET' }, context: {} })).digest).toBeNull();
  });
});
