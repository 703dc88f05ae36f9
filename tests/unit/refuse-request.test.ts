import { describe, expect, it } from 'vitest';
import { isUploadPath, MAX_BODY_BYTES, refuseRequest } from '@/lib/security/refuse-request';

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

describe('large bodies only on upload pages, only signed in (issue 22, point 5)', () => {
  const limit = 51 * 1024 * 1024;
  const upload = (length: number, uploadAllowed: boolean | undefined, extra: Record<string, string> = {}) =>
    refuseRequest({
      method: 'POST',
      headers: new Headers({ host: 'diplon.example', 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(length), ...extra }),
      trustForwardedHost: false,
      maxUploadBytes: limit,
      uploadAllowed,
    });

  it('an anonymous 50 MB multipart post is refused at once (413), as action and as plain form post', () => {
    expect(upload(50 * 1024 * 1024, false)).toEqual({ status: 413, message: 'tooLarge' });
    expect(upload(50 * 1024 * 1024, false, { 'next-action': 'abc' })).toEqual({ status: 413, message: 'tooLarge' });
    expect(upload(50 * 1024 * 1024, undefined)).toEqual({ status: 413, message: 'tooLarge' });
  });

  it('a signed-in post to an upload page may carry up to the upload limit, not more', () => {
    expect(upload(50 * 1024 * 1024, true)).toBeNull();
    expect(upload(limit + 1, true)).toEqual({ status: 413, message: 'tooLarge' });
  });

  it('a POST without a declared length is refused (411), with or without Next-Action, multipart or not', () => {
    const variants: Record<string, string>[] = [{ 'transfer-encoding': 'chunked' }, { 'transfer-encoding': 'chunked', 'content-type': 'multipart/form-data; boundary=x' }];
    for (const headers of variants) {
      expect(refuseRequest({ method: 'POST', headers: new Headers({ host: 'diplon.example', ...headers }), trustForwardedHost: false, maxUploadBytes: limit, uploadAllowed: true })).toEqual({ status: 411, message: 'lengthRequired' });
    }
  });

  it('upload pages are the dossier, its Werkversie and Nieuwe aanvraag only', () => {
    for (const path of ['/dossiers/abc', '/dossiers/abc/werkversie/def', '/aanvragen/nieuw']) expect(isUploadPath(path), path).toBe(true);
    for (const path of ['/', '/aanmelden', '/dossiers/abc/contacten', '/organisatie', '/uitnodiging/x', '/api/auth/signin', '/dossiers/abc/werkversie/def/x']) expect(isUploadPath(path), path).toBe(false);
  });
});
