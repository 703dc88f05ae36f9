import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RelinkPersonCard } from '@/components/people/relink-person';
import { ActionButton } from '@/components/ui/action-button';
import { Notice } from '@/components/ui/notice';
import { StatusAnnouncer } from '@/components/ui/status-announcer';
import { requireViewer } from '@/lib/auth/viewer';
import { db } from '@/lib/db/client';
import { formatDateTime, t } from '@/lib/i18n';
import { fill } from '@/lib/i18n/format';
import { requireUnit } from '@/lib/organisation/require-unit';
import type { UnitRef } from '@/lib/organisation/unit-grant';
import { findKnownPeople, findKnownPerson, listNewIdentities } from '@/lib/people/find-relink-candidates';
import { listRelinks } from '@/lib/people/list-relinks';
import { relinkIdentityAction } from '../actions';

export const metadata: Metadata = { title: t.organisation.relink.title };

const PATH = '/organisatie/koppel-opnieuw';
const card = 'rounded-lg bg-white p-4 shadow-sm';
const link = 'inline-flex min-h-11 items-center text-brand-700 underline';

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * 'Koppel opnieuw' (centre staff, on their centre): a person re-created their itsme account and
 * logs in as a stranger. Staff find the person the centre knows (by name), pick the new account
 * among the recent registrations without access that carry the same family name (never by
 * e-mail), compare both and confirm. Each step is a link or a GET form, the confirmation a
 * form post: all of it works before JavaScript has loaded.
 */
export default async function RelinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer(PATH);
  const centreId = viewer.memberships.find((m) => m.role === 'centre_staff' && m.centreId)?.centreId;
  if (!centreId) notFound();
  const { grant } = await requireUnit({ kind: 'centre', id: centreId }, 'people.relink', PATH);
  const ref: UnitRef = { kind: 'centre', id: grant.unit.id };
  const params = await searchParams;
  const query = one(params.naam).slice(0, 100);
  const oldId = one(params.oud);
  const newId = one(params.nieuw);
  const r = t.organisation.relink;

  const [known, relinks] = await Promise.all([findKnownPerson(db(), grant, oldId), listRelinks(db(), grant)]);
  const done = relinks.find((x) => x.knownUserId === oldId && x.replacedUserId === newId);
  const [matches, candidates] = await Promise.all([
    !known && query ? findKnownPeople(db(), grant, query) : Promise.resolve([]),
    known && !done ? listNewIdentities(db(), known) : Promise.resolve([]),
  ]);
  const fresh = candidates.find((c) => c.id === newId) ?? null;
  const problem = known && newId && !fresh && !done ? r.errors.refused : null;

  return (
    <article aria-labelledby="koppel-titel" className="grid gap-6">
      <StatusAnnouncer>
        <p>
          <Link href="/organisatie" className="text-brand-700 underline">
            {t.organisation.backToCentre}
          </Link>
        </p>
        <header>
          <p className="text-sm font-medium text-slate-700">{grant.unit.centreName}</p>
          <h1 id="koppel-titel" className="text-2xl font-bold tracking-tight sm:text-3xl">
            {r.title}
          </h1>
          <p className="mt-1 text-slate-700">{r.intro}</p>
        </header>

        {done ? (
          <Notice tone="success" live>
            <p className="font-semibold">{r.doneTitle}</p>
            <p data-testid="relink-done">{fill(r.done, { name: done.person })}</p>
            <p className="mt-2">
              <Link href={PATH} className="underline">
                {r.otherPerson}
              </Link>
            </p>
          </Notice>
        ) : (
          <>
            <section aria-labelledby="stap-1" className={`${card} grid gap-4`}>
              <h2 id="stap-1" className="text-lg font-semibold">
                {r.step1}
              </h2>
              {known ? (
                <RelinkPersonCard person={known} testId="relink-known">
                  <Link href={PATH} className={link}>
                    {r.otherPerson}
                  </Link>
                </RelinkPersonCard>
              ) : (
                <>
                  <form method="get" action={PATH} className="grid gap-2" role="search">
                    <label htmlFor="relink-naam" className="font-medium">
                      {r.searchLabel}
                    </label>
                    <p id="relink-naam-hint" className="text-sm text-slate-700">
                      {r.searchHint}
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <input
                        id="relink-naam"
                        name="naam"
                        type="search"
                        defaultValue={query}
                        maxLength={100}
                        autoComplete="off"
                        aria-describedby="relink-naam-hint"
                        className="block min-h-11 min-w-0 flex-1 rounded-md border border-slate-500 px-3 py-2"
                      />
                      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                        {r.search}
                      </button>
                    </div>
                  </form>
                  {query.trim().length >= 2 &&
                    (matches === null ? (
                      <Notice tone="error">{r.errors.rate_limited}</Notice>
                    ) : matches.length === 0 ? (
                      <p>{fill(r.noMatches, { query: query.trim() })}</p>
                    ) : (
                      <ul className="grid gap-2">
                        {matches.map((person) => (
                          <li key={person.id}>
                            <RelinkPersonCard person={person} testId="relink-match">
                              <Link href={`${PATH}?oud=${person.id}`} className={link}>
                                {fill(r.choose, { name: person.name })}
                              </Link>
                            </RelinkPersonCard>
                          </li>
                        ))}
                      </ul>
                    ))}
                </>
              )}
            </section>

            {known && !fresh && (
              <section aria-labelledby="stap-2" className={`${card} grid gap-4`}>
                <h2 id="stap-2" className="text-lg font-semibold">
                  {fill(r.step2, { name: known.name })}
                </h2>
                {problem && <Notice tone="error">{problem}</Notice>}
                {candidates.length === 0 ? (
                  <p>{fill(r.noCandidates, { familyName: known.familyName })}</p>
                ) : (
                  <>
                    <p>{fill(r.step2Intro, { familyName: known.familyName, name: known.name })}</p>
                    <ul className="grid gap-2">
                      {candidates.map((person) => (
                        <li key={person.id}>
                          <RelinkPersonCard person={person} title={r.newTitle} testId="relink-candidate">
                            <Link href={`${PATH}?oud=${known.id}&nieuw=${person.id}`} className={link}>
                              {fill(r.choose, { name: `${person.name} (${formatDateTime(person.registeredAt)})` })}
                            </Link>
                          </RelinkPersonCard>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            )}

            {known && fresh && (
              <section aria-labelledby="stap-3" className={`${card} grid gap-4`}>
                <h2 id="stap-3" className="text-lg font-semibold">
                  {r.step3}
                </h2>
                <div className="grid gap-3 sm:grid-cols-2">
                  <RelinkPersonCard person={known} title={r.knownTitle} testId="relink-confirm-known" />
                  <RelinkPersonCard person={fresh} title={r.newTitle} testId="relink-confirm-new" />
                </div>
                <div>
                  <ActionButton
                    label={r.confirm}
                    variant="primary"
                    run={relinkIdentityAction.bind(null, ref, known.id, fresh.id)}
                    confirmId="koppel-opnieuw"
                    confirm={{
                      question: fill(r.confirmQuestion, {
                        known: known.name,
                        knownDate: formatDateTime(known.registeredAt),
                        fresh: fresh.name,
                        freshDate: formatDateTime(fresh.registeredAt),
                      }),
                      yes: r.confirmYes,
                      no: r.confirmNo,
                    }}
                  />
                </div>
              </section>
            )}
          </>
        )}

        <section aria-labelledby="eerder" className={card}>
          <h2 id="eerder" className="mb-3 text-lg font-semibold">
            {r.historyTitle}
          </h2>
          {relinks.length === 0 ? (
            <p>{r.noHistory}</p>
          ) : (
            <ul className="grid gap-2">
              {relinks.map((x) => (
                <li key={x.id} className="rounded-md border border-slate-200 p-3 text-sm" data-testid="relink-history">
                  <p className="font-semibold">{x.person}</p>
                  <p>
                    {fill(r.historyItem, {
                      registered: formatDateTime(x.replacedRegisteredAt),
                      actor: x.actor ?? t.auditLog.unknownActor,
                      at: formatDateTime(x.at),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </StatusAnnouncer>
    </article>
  );
}
