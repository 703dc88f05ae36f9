/**
 * Loopback ports of the e2e stack, apart from `npm run dev`'s 3000/3100: the app on
 * DIPLON_E2E_PORT (default 3210), the stand-in on the next port, the SMTP capture on the one
 * after. Two checkouts can run their suites side by side with different bases.
 */
const base = Number(process.env.DIPLON_E2E_PORT) || 3210;

export const E2E = {
  appPort: base,
  standinPort: base + 1,
  smtpPort: base + 2,
  get appUrl() {
    // Next presents every loopback request as "localhost", so the app is addressed that way too.
    return `http://localhost:${this.appPort}`;
  },
  get standinUrl() {
    return `http://127.0.0.1:${this.standinPort}`;
  },
  mailDir: '.data/e2e/mail',
  dataDir: '.data/e2e',
} as const;

/** The centre `centre:init` creates on the e2e stack's empty database (serve.ts), and where its output is kept. */
export const NEW_CENTRE = {
  name: 'Leersteuncentrum Nieuwstart',
  email: 'beheer@nieuwstart.example',
  logFile: 'centre-init.json',
} as const;
