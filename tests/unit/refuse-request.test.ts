import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, refuseRequest } from '@/lib/security/refuse-request';

const action = (headers: Record<string, string>, trustForwardedHost = false) =>
  refuseRequest({ method: 'POST', headers: new Headers({ 'next-action': 'abc', host: 'diplon.example', ...headers }), trustForwardedHost });

describe('requests refused before any page or action runs', () => {
  it('a body over 1 MB, on any request', () => {
    expect(refuseRequest({ method: 'POST', headers: new Headers({ 'content-length': String(MAX_BODY_BYTES + 1) }), trustForwardedHost: false })).toEqual({ status: 413, message: 'tooLarge' });
    expect(refuseRequest({ method: 'POST', headers: new Headers({ 'content-length': String(MAX_BODY_BYTES) }), trustForwardedHost: false })).toBeNull();
  });

  it('a server action without a declared length', () => {
    expect(action({ 'transfer-encoding': 'chunked' })).toEqual({ status: 411, message: 'lengthRequired' });
  });

  it('a server action from another origin; this host and no Origin pass', () => {
    expect(action({ origin: 'https://diplon.example' })).toBeNull();
    expect(action({})).toBeNull();
    for (const origin of ['https://evil.example', 'null', 'https://diplon.example.evil.example', 'nonsense']) {
      expect(action({ origin })).toEqual({ status: 403, message: 'foreignOrigin' });
    }
  });

  it('a form posted natively (before hydration, no Next-Action header) from another origin; from this host it passes', () => {
    const form = (origin: string) =>
      refuseRequest({ method: 'POST', headers: new Headers({ host: 'diplon.example', origin, 'content-type': 'multipart/form-data; boundary=x' }), trustForwardedHost: false });
    expect(form('https://diplon.example')).toBeNull();
    expect(form('null')).toEqual({ status: 403, message: 'foreignOrigin' });
    expect(form('https://evil.example')).toEqual({ status: 403, message: 'foreignOrigin' });
  });

  it('X-Forwarded-Host counts only when trusted proxies set it', () => {
    expect(action({ origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' })).toEqual({ status: 403, message: 'foreignOrigin' });
    expect(action({ origin: 'https://app.example', 'x-forwarded-host': 'app.example' }, true)).toBeNull();
  });
});
