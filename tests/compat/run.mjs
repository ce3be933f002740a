// Starts the standalone emulator, runs every compat check against it, stops it with SIGTERM and
// checks that it exits cleanly. Usage: node run.mjs [emulator command and arguments...]
// (default: dotnet ../../src/ThreadClient.Emulator/bin/Release/net10.0/ThreadClient.Emulator.dll).
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { summary } from './harness.mjs';
import * as perplexitySdk from './perplexity-sdk.mjs';
import * as openaiSdk from './openai-sdk.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const command = process.argv.length > 2
  ? process.argv.slice(2)
  : ['dotnet', path.join(here, '../../src/ThreadClient.Emulator/bin/Release/net10.0/ThreadClient.Emulator.dll')];

const emulator = spawn(command[0], [...command.slice(1), '--port=0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => emulator.on('exit', (code, signal) => resolve({ code, signal })));
const base = await new Promise((resolve, reject) => {
  let seen = '';
  const timer = setTimeout(() => reject(new Error(`the emulator printed no address in 60 s:\n${seen}`)), 60_000);
  emulator.stdout.on('data', (data) => {
    seen += data;
    const match = /listening on (http:\/\/\S+)/.exec(seen);
    if (match) {
      clearTimeout(timer);
      resolve(match[1]);
    }
  });
  emulator.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before listening:\n${seen}`)));
});
console.log(`compat: the emulator (${command.join(' ')}) listens on ${base}`);

let failed = 0;
try {
  await perplexitySdk.run(base);
  await openaiSdk.run(base);
  await fetch(new URL('_emulator/reset', base), { method: 'POST' });
  const seed = spawnSync('bash', [path.join(here, 'seed001.sh')], { env: { ...process.env, AITRONOS: base.replace(/\/$/, '') }, stdio: 'inherit' });
  if (seed.status !== 0) failed++;
} finally {
  emulator.kill('SIGTERM');
}

const stop = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]);
if (stop?.code === 0) {
  console.log('ok   - the emulator stops on SIGTERM with exit code 0');
} else {
  console.log(`FAIL - the emulator did not stop cleanly on SIGTERM: ${JSON.stringify(stop)}`);
  emulator.kill('SIGKILL');
  failed++;
}

const { passed, failed: checksFailed } = summary();
console.log(`compat: ${passed} SDK checks passed, ${checksFailed} failed; seed 001 script and SIGTERM: ${failed === 0 ? 'passed' : 'failed'}`);
process.exit(checksFailed + failed === 0 ? 0 : 1);
