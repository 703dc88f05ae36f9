/** Fixed loopback ports of the e2e stack, apart from `npm run dev`'s 3000/3100. */
export const E2E = {
  appPort: 3210,
  standinPort: 3211,
  smtpPort: 3212,
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
