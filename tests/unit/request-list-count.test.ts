import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RequestList } from '@/components/requests/request-list';
import type { RequestRow } from '@/lib/requests/list-requests';

const row = { id: 'r1', dossierId: 'd1', studentName: 'Noor Olijfhout', schoolName: 'De Linde', departmentName: null, type: 'advice', status: 'submitted', assigneeName: null, createdAt: new Date('2026-11-01T10:00:00Z') } as unknown as RequestRow;
const countLine = (count: { total: number; from: number; to: number; capped?: boolean }, paged = true) =>
  /data-testid="request-count">([^<]*)</.exec(
    renderToStaticMarkup(createElement(RequestList, { rows: [row], emptyText: '', nextHref: paged ? '/aanvragen?na=x' : null, prevHref: null, firstHref: null, count })),
  )?.[1];

describe("'Beheer aanvragen' count line", () => {
  it('counts exactly up to the cap', () => {
    expect(countLine({ total: 57, from: 21, to: 40 })).toBe('Aanvragen 21–40 van 57');
    expect(countLine({ total: 1, from: 1, to: 1 }, false)).toBe('1 aanvraag');
  });

  it('says "meer dan" past the cap, and gives no position deeper than the cap', () => {
    expect(countLine({ total: 1000, from: 21, to: 40, capped: true })).toBe('Aanvragen 21–40 van meer dan 1.000');
    expect(countLine({ total: 1000, from: 1002, to: 1021, capped: true })).toBe('Meer dan 1.000 aanvragen');
  });
});
