/**
 * `npm run centre:init -- --name "Leersteuncentrum …" --email beheer@… [--resend]`
 *
 * The first start of a real installation (README, 'In productie'): migrates, creates the
 * centre when it does not exist, and invites its first Medewerker leersteuncentrum through the
 * outbox (the running server delivers the mail). The link is printed once, for when mail is not
 * configured yet. Never loads demo data.
 */
import './lib/load-env';
import { parseArgs } from 'node:util';
import { configuredTarget, openDatabase } from '@/lib/db/client';
import { runMigrations } from '@/lib/db/migrate';
import { initCentre } from '@/lib/organisation/init-centre';
import { describeTarget } from './lib/describe-target';

const { values } = parseArgs({
  options: { name: { type: 'string' }, email: { type: 'string' }, resend: { type: 'boolean', default: false } },
  strict: true,
});

if (!values.name || !values.email) {
  console.error('Gebruik: npm run centre:init -- --name "Naam van het leersteuncentrum" --email beheerder@voorbeeld.be [--resend]');
  process.exit(2);
}

const target = configuredTarget();
const handle = openDatabase(target);
let code = 0;
try {
  await runMigrations(handle);
  const outcome = await initCentre(handle.db, { name: values.name, email: values.email, resend: values.resend });
  switch (outcome.status) {
    case 'invalid':
      console.error(outcome.problem === 'name' ? 'Geef een naam voor het leersteuncentrum.' : 'Dit e-mailadres is niet geldig.');
      code = 2;
      break;
    case 'has_staff':
      console.log(`${values.name} heeft al ${outcome.count} actieve medewerker(s). Nodig verder uit via Beheer organisatie. Niets gewijzigd.`);
      break;
    case 'open_invitation':
      console.log(
        `Er staat al een uitnodiging open voor ${outcome.email}${outcome.expired ? ' (verlopen)' : ''}. Niets gewijzigd.\n` +
          'Gebruik --resend om een nieuwe link te sturen (de oude werkt dan niet meer).',
      );
      break;
    case 'invited':
      console.log(
        `${outcome.centreCreated ? 'Leersteuncentrum aangemaakt' : 'Leersteuncentrum bestond al'} in ${describeTarget(target)}.\n` +
          `${outcome.resent ? 'Nieuwe uitnodiging' : 'Uitnodiging'} als Medewerker leersteuncentrum voor ${outcome.email} staat in de uitgaande mail;` +
          ' de server verstuurt ze zodra hij draait.\n' +
          'De link (wordt maar één keer getoond; alleen doorgeven aan die persoon):\n' +
          `DIPLON_INVITATION_LINK=${outcome.link}`,
      );
      break;
  }
} finally {
  await handle.close();
}
process.exit(code);
