// A tiny test harness for the compat suite: named checks, a report line each, and helpers that
// talk to the emulator's control plane. Nothing here knows ThreadClient's own code.
import assert from 'node:assert/strict';

export { assert };

const results = [];

export async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`ok   - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`FAIL - ${name}\n       ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n       ')}`);
  }
}

export function summary() {
  const failed = results.filter((r) => !r.ok).length;
  return { passed: results.length - failed, failed };
}

/** The emulator's control plane: `POST /_emulator/faults`, `GET /_emulator/requests`, `POST /_emulator/reset`, ... */
export function control(base) {
  const call = async (method, path, body) => {
    const response = await fetch(new URL(`_emulator${path}`, base), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${path}: ${response.status} ${text}`);
    return text.length ? JSON.parse(text) : null;
  };
  return {
    fault: (fault) => call('POST', '/faults', fault),
    reset: () => call('POST', '/reset'),
    requests: async () => (await call('GET', '/requests')).data,
    expirePerplexityThread: (id) => call('POST', `/perplexity/threads/${encodeURIComponent(id)}/expire`),
    advanceClock: (seconds) => call('POST', '/clock/advance', { seconds }),
    retireChatCompletions: (retired) => call('PUT', '/perplexity/chat-completions', { retired }),
  };
}

/** The emulator's deterministic reply: `Echo: {text} [earlier: {t1} | {t2}]`. */
export function earlierTurns(reply) {
  const match = /^Echo: (.*) \[earlier: (.*)\]$/s.exec(reply);
  assert.ok(match, `not an emulator reply: ${reply}`);
  return match[2].length ? match[2].split(' | ') : [];
}

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
