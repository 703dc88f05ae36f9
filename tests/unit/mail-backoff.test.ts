import { describe, expect, it } from 'vitest';
import { backoffMs } from '@/lib/mail/backoff';

describe('backoffMs', () => {
  it('doubles from 30 s per failed attempt and stops at an hour', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((n) => backoffMs(n, middle) / 1000)).toEqual([
      30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600,
    ]);
  });

  it('spreads retries by ±20 %', () => {
    expect(backoffMs(1, () => 0)).toBe(24_000);
    expect(backoffMs(1, () => 0.999999)).toBeLessThanOrEqual(36_000);
    for (let i = 0; i < 200; i++) {
      const delay = backoffMs(3);
      expect(delay).toBeGreaterThanOrEqual(96_000);
      expect(delay).toBeLessThanOrEqual(144_000);
    }
  });
});
