import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import BenchControlPage, { dynamic } from '@/app/bench/control/page.bench';
import { productionEnvironment } from '../support/production-env';

const { enterProduction } = productionEnvironment();

describe('/bench/control', () => {
  it('renders per request outside production, without database or session', () => {
    expect(dynamic).toBe('force-dynamic');
    expect(renderToStaticMarkup(BenchControlPage())).toContain('id="controle-titel"');
  });

  it('does not exist in production', () => {
    enterProduction();
    expect(() => BenchControlPage()).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
