/**
 * Issue 17's goals, each a ratio within one run (so the machine's noise mostly cancels): the
 * control page against the bare nonce-CSP page, the product's pages against the control page.
 */
export type Figures = { rps: number; p95: number };
export type Goal = { goal: string; value: string; met: boolean };

const ratio = (a: number, b: number) => a / b;
const two = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

/** Pages whose p95 is held to 2 × the control's (the floor apps and the control are the yardsticks, not pages). */
const YARDSTICKS = new Set(['bare', 'bare-csp', 'control']);

export function evaluateGoals(results: Record<string, Figures>): Goal[] {
  const goals: Goal[] = [];
  const control = results.control;
  if (!control) return goals;
  const atLeast = (key: string, of: Figures, min: number, goal: string) => {
    const r = results[key];
    if (!r) return;
    const value = ratio(r.rps, of.rps);
    goals.push({ goal, value: `${two(value)}×`, met: value >= min });
  };
  const bareCsp = results['bare-csp'];
  if (bareCsp) {
    const value = ratio(control.rps, bareCsp.rps);
    goals.push({ goal: 'Control page req/s ≥ 0.9 × the bare nonce-CSP page', value: `${two(value)}×`, met: value >= 0.9 });
  }
  atLeast('dossier', control, 0.6, 'Dossier page req/s ≥ 0.6 × control');
  atLeast('aanvragen', control, 0.5, "'Beheer aanvragen' req/s ≥ 0.5 × control");
  const over = Object.entries(results)
    .filter(([key]) => !YARDSTICKS.has(key))
    .map(([key, r]) => [key, ratio(r.p95, control.p95)] as const)
    .filter(([, value]) => !(value <= 2));
  goals.push({
    goal: 'p95 ≤ 2 × control for every page',
    value: over.length === 0 ? 'all pages' : over.map(([key, value]) => `${key} ${two(value)}×`).join(', '),
    met: over.length === 0,
  });
  return goals;
}
