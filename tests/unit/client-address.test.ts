import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/security/client-address';

describe('client address behind TRUSTED_PROXY_HOPS proxies', () => {
  it('trusts no X-Forwarded-For at all without trusted proxies', () => {
    expect(clientAddress('6.6.6.6', 0)).toBeNull();
    expect(clientAddress('6.6.6.6, 10.0.0.1', 0)).toBeNull();
  });

  it('takes the address the nearest trusted proxy saw, never a client-written one', () => {
    expect(clientAddress('10.0.0.1', 1)).toBe('10.0.0.1');
    expect(clientAddress('6.6.6.6, 10.0.0.1', 1)).toBe('10.0.0.1');
    expect(clientAddress('6.6.6.6,10.0.0.1 , 192.168.1.2', 2)).toBe('10.0.0.1');
  });

  it('gives nothing when fewer proxies wrote the header than are trusted, or it is garbage', () => {
    expect(clientAddress('10.0.0.1', 2)).toBeNull();
    expect(clientAddress(null, 1)).toBeNull();
    expect(clientAddress('', 1)).toBeNull();
    expect(clientAddress('6.6.6.6, ', 1)).toBeNull();
    expect(clientAddress('x'.repeat(100), 1)).toBeNull();
    expect(clientAddress('<script>', 1)).toBeNull();
  });

  it('accepts IPv6', () => {
    expect(clientAddress('2001:db8::1', 1)).toBe('2001:db8::1');
  });
});
