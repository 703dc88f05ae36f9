// Each vitest worker: keep generated development secrets of tests apart from `npm run dev`'s.
import os from 'node:os';
import path from 'node:path';

// One folder per worker, so two workers never generate the same key file at once.
process.env.DIPLON_DATA_DIR ??= path.join(os.tmpdir(), `diplon-vitest-data-${process.env.VITEST_POOL_ID ?? '0'}`);
process.env.APP_ENV ??= 'test';
