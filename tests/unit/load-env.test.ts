import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const KEY = 'DIPLON_LOAD_ENV_TEST';
const loader = pathToFileURL(path.resolve('scripts/lib/load-env.ts')).href;
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href;

/** What a command started in `dir` sees of KEY after loading the env files (a real child process). */
function valueSeenIn(dir: string, env: Record<string, string> = {}): string {
  const child = spawnSync(
    process.execPath,
    ['--import', tsx, '--input-type=module', '-e', `await import(${JSON.stringify(loader)}); console.log(process.env.${KEY} ?? '(unset)');`],
    { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', ...env } },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return child.stdout.trim();
}

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'diplon-env-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('the commands read .env and .env.local as Next does', () => {
  it('a value in .env.local reaches the command, over .env', () => {
    expect(valueSeenIn(folderWith({ '.env': `${KEY}=env\n`, '.env.local': `${KEY}=env-local\n` }))).toBe('env-local');
  });

  it('the environment wins over the files', () => {
    expect(valueSeenIn(folderWith({ '.env.local': `${KEY}=file\n` }), { [KEY]: 'environment' })).toBe('environment');
  });

  it('in production .env.production is read, .env.development is not', () => {
    const dir = folderWith({ '.env.development': `${KEY}=development\n`, '.env.production': `${KEY}=production\n` });
    expect(valueSeenIn(dir, { NODE_ENV: 'production' })).toBe('production');
    expect(valueSeenIn(dir)).toBe('development');
  });

  it('every command that reads the configuration loads the files first (its first import)', () => {
    const commands = readdirSync('scripts').filter((name) => name.endsWith('.ts') && !['test.ts', 'itsme-keys.ts', 'js-budget.ts'].includes(name));
    expect(commands).toEqual(expect.arrayContaining(['centre-init.ts', 'db-migrate.ts', 'db-seed.ts', 'dev.ts', 'itsme-standin.ts', 'start.ts']));
    for (const name of commands) {
      const firstImport = readFileSync(path.join('scripts', name), 'utf8').split('\n').find((line) => line.startsWith('import '));
      expect(firstImport, name).toBe("import './lib/load-env';");
    }
  });
});
