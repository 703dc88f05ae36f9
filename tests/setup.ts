// Each vitest worker: keep generated development secrets of tests apart from `npm run dev`'s.
import os from 'node:os';
import path from 'node:path';

process.env.DIPLON_DATA_DIR ??= path.join(os.tmpdir(), 'diplon-vitest-data');
process.env.APP_ENV ??= 'test';
