import { describe, expect, it } from 'vitest';
import { foldForSearch } from '@/lib/text/search-name';

describe('foldForSearch', () => {
  it('folds case and accents', () => {
    expect(foldForSearch('  Ëlla   Çelik ')).toBe('ella celik');
  });

  // A NUL byte or a lone surrogate cannot go into a PostgreSQL text parameter.
  it.each(['wil\u0000lems', 'wil\u0007lems', '\ud800willems', 'willems\udfff', 'wil\u200blems'])('drops control characters and lone surrogates from %j', (input) => {
    expect(foldForSearch(input)).toBe('willems');
  });
});
