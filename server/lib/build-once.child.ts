/**
 * One starter of build-once.test.ts, in its own process as `npm start` would be: builds `<root>/web`
 * into `<root>/build/web` with a builder that takes its time, and notes each build it runs.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { buildOnce } from './build-once.ts';

const root = process.argv[2] as string;
const result = await buildOnce({
  root,
  sources: ['web'],
  target: 'build/web',
  build: async (outDir) => {
    await appendFile(path.join(root, 'builds.log'), `${process.pid}\n`);
    await mkdir(path.join(outDir, 'assets'), { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), `built by ${process.pid}`);
    // A real build takes seconds: the other starter must find the lock taken meanwhile.
    await pause(1500);
    await writeFile(path.join(outDir, 'assets', 'app.js'), `built by ${process.pid}`);
  },
});
console.log(JSON.stringify(result));
