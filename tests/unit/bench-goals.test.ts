import { describe, expect, it } from 'vitest';
import { evaluateGoals } from '@/scripts/bench/goals';

const page = (rps: number, p95: number) => ({ rps, p95 });

describe('benchmark goals (issue 17)', () => {
  it('holds the control page to 0.9 × the bare nonce-CSP page', () => {
    const met = evaluateGoals({ 'bare-csp': page(200, 100), control: page(180, 110) });
    expect(met.find((g) => g.goal.startsWith('Control'))).toMatchObject({ met: true, value: '0.90×' });
    const missed = evaluateGoals({ 'bare-csp': page(200, 100), control: page(170, 110) });
    expect(missed.find((g) => g.goal.startsWith('Control'))).toMatchObject({ met: false, value: '0.85×' });
  });

  it('holds the dossier page to 0.6 × and Beheer aanvragen to 0.5 × the control page', () => {
    const goals = evaluateGoals({ control: page(100, 100), dossier: page(59, 150), aanvragen: page(50, 150) });
    expect(goals.find((g) => g.goal.startsWith('Dossier'))).toMatchObject({ met: false, value: '0.59×' });
    expect(goals.find((g) => g.goal.includes('aanvragen'))).toMatchObject({ met: true, value: '0.50×' });
  });

  it('names every page whose p95 is over twice the control’s, but not the yardsticks', () => {
    const goals = evaluateGoals({ bare: page(300, 500), control: page(100, 100), dossier: page(70, 199), contacten: page(60, 230) });
    expect(goals.at(-1)).toEqual({ goal: 'p95 ≤ 2 × control for every page', value: 'contacten 2.30×', met: false });
    const fine = evaluateGoals({ control: page(100, 100), dossier: page(70, 200) });
    expect(fine.at(-1)).toMatchObject({ met: true, value: 'all pages' });
  });
});
