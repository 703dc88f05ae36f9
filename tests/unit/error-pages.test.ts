import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/app/error';
import GlobalError from '@/app/global-error';

/** Support matches a call to a log line by Next's digest of the error: the Dutch error pages show it. */
describe('the error pages', () => {
  const error = Object.assign(new Error('geheim detail uit de server'), { digest: '2718281828' });
  const reset = () => {};

  it.each([
    ['app/error.tsx', ErrorPage],
    ['app/global-error.tsx', GlobalError],
  ] as const)('%s shows the digest as Foutcode, never the message', (_, Page) => {
    const html = renderToStaticMarkup(createElement(Page, { error, reset }));
    expect(html).toContain('Foutcode: 2718281828');
    expect(html).not.toContain('geheim detail');
  });

  it('without a digest (an error in the browser) says no Foutcode', () => {
    const html = renderToStaticMarkup(createElement(ErrorPage, { error: new Error('x'), reset }));
    expect(html).not.toContain('Foutcode');
  });
});
