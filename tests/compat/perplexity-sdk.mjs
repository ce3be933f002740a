// The official Perplexity TypeScript SDK (@perplexity-ai/perplexity_ai) against the emulator:
// seed 000's thread flows, streaming (full and concise), errors, retries, and the Agent API.
import Perplexity from '@perplexity-ai/perplexity_ai';
import { assert, check, control, earlierTurns, uuid } from './harness.mjs';

export async function run(base) {
  const ctl = control(base);
  const client = new Perplexity({ apiKey: 'compat-key', baseURL: base.replace(/\/$/, ''), maxRetries: 2 });
  const ask = (content, extra = {}) =>
    client.chat.completions.create({ model: 'sonar-pro', messages: [{ role: 'user', content }], use_threads: true, ...extra });

  let threadId;
  await check('perplexity sdk: a first turn starts a thread (UUID) and reads every usage field', async () => {
    await ctl.reset();
    const first = await ask('What is a thread?');
    threadId = first.thread_id;
    assert.match(threadId, uuid);
    assert.match(first.id, uuid);
    assert.equal(first.object, 'chat.completion');
    assert.deepEqual(earlierTurns(first.choices[0].message.content), []);
    const usage = first.usage;
    assert.equal(typeof usage.cost.total_cost, 'number');
    for (const field of ['input_tokens_cost', 'output_tokens_cost', 'request_cost', 'total_cost']) assert.equal(typeof usage.cost[field], 'number', field);
    assert.ok(Math.abs(usage.cost.total_cost - (usage.cost.input_tokens_cost + usage.cost.output_tokens_cost + usage.cost.request_cost)) < 1e-6);
    for (const field of ['prompt_tokens', 'completion_tokens', 'total_tokens', 'citation_tokens', 'num_search_queries']) assert.equal(typeof usage[field], 'number', field);
    assert.equal(usage.search_context_size, 'low');
    const result = first.search_results[0];
    for (const field of ['title', 'url', 'date', 'last_updated', 'snippet', 'source']) assert.equal(typeof result[field], 'string', field);
    assert.deepEqual(first.citations, [result.url]);
  });

  await check('perplexity sdk: three turns on one thread carry the context', async () => {
    const second = await ask('Continue it', { thread_id: threadId });
    const third = await ask('And a third', { thread_id: threadId });
    assert.equal(second.thread_id, threadId);
    assert.deepEqual(earlierTurns(third.choices[0].message.content), ['What is a thread?', 'Continue it']);
  });

  await check('perplexity sdk: a streamed turn on the thread (full mode) folds to the reply, usage last', async () => {
    const stream = await ask('Stream it', { thread_id: threadId, stream: true });
    let text = '';
    let last;
    for await (const chunk of stream) {
      assert.equal(chunk.thread_id, threadId);
      text += chunk.choices[0]?.delta?.content ?? '';
      last = chunk;
    }
    assert.deepEqual(earlierTurns(text), ['What is a thread?', 'Continue it', 'And a third']);
    assert.equal(last.choices[0].message.content, text);
    assert.equal(typeof last.usage.cost.total_cost, 'number');
  });

  await check('perplexity sdk: stream_mode concise sends deltas only, then chat.completion.done with the rest', async () => {
    const stream = await client.chat.completions.create({ model: 'sonar-pro', messages: [{ role: 'user', content: 'Concise please' }], stream: true, stream_mode: 'concise' });
    const objects = [];
    let text = '';
    let done;
    for await (const chunk of stream) {
      objects.push(chunk.object);
      if (chunk.object === 'chat.completion.chunk') {
        assert.equal(chunk.choices[0].message, undefined);
        assert.equal(chunk.search_results, undefined);
        text += chunk.choices[0].delta.content;
      } else {
        done = chunk;
      }
    }
    assert.equal(objects.at(-1), 'chat.completion.done');
    assert.equal(done.choices[0].message.content, text);
    assert.equal(done.search_results.length, 1);
    assert.equal(typeof done.usage.cost.total_cost, 'number');
  });

  await check('perplexity sdk: a thread_id that is not a UUID is a BadRequestError (400), not retried', async () => {
    await ctl.reset();
    await assert.rejects(ask('x', { thread_id: 'not-a-uuid' }), (error) => error instanceof Perplexity.BadRequestError && error.status === 400);
    assert.equal((await ctl.requests()).length, 1);
  });

  await check('perplexity sdk: an unknown or expired thread is a NotFoundError (404)', async () => {
    await assert.rejects(ask('x', { thread_id: '00000000-0000-4000-8000-000000000000' }), (error) => error instanceof Perplexity.NotFoundError);
    const started = await ask('short-lived');
    await ctl.expirePerplexityThread(started.thread_id);
    await assert.rejects(ask('again', { thread_id: started.thread_id }), (error) => error.status === 404);
    const idle = await ask('idle');
    await ctl.advanceClock(2 * 3600);
    await assert.rejects(ask('after two idle hours', { thread_id: idle.thread_id }), (error) => error.status === 404);
  });

  await check('perplexity sdk: a wrongly typed field (use_threads: "true") is a 400 with the error envelope, not an empty 500', async () => {
    await ctl.reset();
    await assert.rejects(
      client.chat.completions.create({ model: 'sonar-pro', messages: [{ role: 'user', content: 'x' }], use_threads: 'true' }),
      (error) => error.status === 400 && /use_threads/.test(error.message));
    await assert.rejects(
      client.chat.completions.create({ model: 'sonar-pro', messages: [{ role: 'user', content: 'x' }], use_threads: true, thread_id: 123 }),
      (error) => error.status === 400 && /thread_id/.test(error.message));
    assert.equal((await ctl.requests()).length, 2);
  });

  await check('perplexity sdk: a 429 with Retry-After is retried after the wait and then succeeds', async () => {
    await ctl.reset();
    await ctl.fault({ method: 'POST', path: '/chat/completions', status: 429, headers: { 'Retry-After': '1' } });
    const started = Date.now();
    const reply = await ask('after a 429');
    assert.ok(Date.now() - started >= 900, 'the SDK waited for Retry-After');
    assert.deepEqual(earlierTurns(reply.choices[0].message.content), []);
    assert.equal((await ctl.requests()).length, 2);
  });

  await check('perplexity sdk: a 500 is retried twice, then an InternalServerError', async () => {
    await ctl.reset();
    await ctl.fault({ method: 'POST', path: '/chat/completions', status: 500, headers: { 'retry-after-ms': '10' }, times: 3 });
    await assert.rejects(ask('doomed'), (error) => error instanceof Perplexity.InternalServerError);
    assert.equal((await ctl.requests()).length, 3);
  });

  await check('perplexity sdk: retired chat completions answer 403; the Agent API answers responses.create', async () => {
    await ctl.reset();
    await ctl.retireChatCompletions(true);
    await assert.rejects(ask('x'), (error) => error instanceof Perplexity.PermissionDeniedError && /Agent API/.test(error.message));
    const response = await client.responses.create({ model: 'perplexity/sonar', input: 'Hello agent' });
    assert.equal(response.status, 'completed');
    assert.deepEqual(earlierTurns(response.output_text), []);
    assert.equal(typeof response.usage.cost.total_cost, 'number');
    await ctl.retireChatCompletions(false);
  });

  await check('perplexity sdk: a streamed Agent API response ends in response.completed with the folded text', async () => {
    const stream = await client.responses.create({ model: 'perplexity/sonar', input: [{ type: 'message', role: 'user', content: 'Stream, agent' }], stream: true });
    let text = '';
    const types = [];
    let completed;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    assert.equal(types[0], 'response.created');
    assert.equal(types.at(-1), 'response.completed');
    assert.deepEqual(earlierTurns(text), []);
    assert.equal(completed.output.find((item) => item.type === 'message').content[0].text, text);
  });

  await check('perplexity sdk: previous_response_id chains a follow-up; an unknown one is the live 400 "invalid request", not retried', async () => {
    await ctl.reset();
    const first = await client.responses.create({ model: 'perplexity/sonar', input: 'Remember the number 7' });
    const second = await client.responses.create({ model: 'perplexity/sonar', input: 'Which number?', previous_response_id: first.id });
    assert.deepEqual(earlierTurns(second.output_text), ['Remember the number 7']);
    assert.equal(second.previous_response_id, null);
    const before = (await ctl.requests()).length;
    await assert.rejects(
      client.responses.create({ model: 'perplexity/sonar', input: 'x', previous_response_id: 'resp_ffffffff' }),
      (error) => error instanceof Perplexity.BadRequestError && error.status === 400
        && JSON.stringify(error.error) === JSON.stringify({ error: { message: 'invalid request', type: 'invalid_request', code: 400 } }));
    assert.equal((await ctl.requests()).length, before + 1);
  });

  await check('perplexity sdk: a background run is polled from queued to completed; a cancelled one ends cancelled with no usage', async () => {
    const queued = await client.responses.create({ model: 'perplexity/sonar', input: 'Research, slowly', background: true });
    assert.equal(queued.status, 'queued');
    const statuses = [];
    let polled = queued;
    while (polled.status === 'queued' || polled.status === 'in_progress') {
      polled = await client.responses.retrieve(queued.id);
      statuses.push(polled.status);
    }
    assert.deepEqual(statuses, ['in_progress', 'completed']);
    assert.deepEqual(earlierTurns(polled.output_text), []);
    const run = await client.responses.create({ model: 'perplexity/sonar', input: 'Never mind', background: true });
    const cancel = await client.responses.cancel(run.id);
    assert.deepEqual(cancel, { response_id: run.id, status: 'cancelling' });
    const cancelled = await client.responses.retrieve(run.id);
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(cancelled.error, { code: 'cancelled', message: 'cancelled', type: 'cancelled' });
    assert.equal(cancelled.usage, null);
    await assert.rejects(client.responses.cancel(run.id), (error) => error instanceof Perplexity.BadRequestError);
  });

  await check('perplexity sdk: max_output_tokens reached is a 200 incomplete with the reason, streamed too', async () => {
    const cut = await client.responses.create({ model: 'perplexity/sonar', input: 'A long story please', max_output_tokens: 3 });
    assert.equal(cut.status, 'incomplete');
    assert.deepEqual(cut.incomplete_details, { reason: 'max_output_tokens' });
    assert.equal(cut.output_text, 'Echo: A long');
    assert.equal(cut.usage.output_tokens, 3);
    const stream = await client.responses.create({ model: 'perplexity/sonar', input: 'A long story please', max_output_tokens: 3, stream: true });
    let last;
    for await (const event of stream) last = event;
    assert.equal(last.type, 'response.incomplete');
    assert.equal(last.response.status, 'incomplete');
  });

  await check('perplexity sdk: every Agent API reply carries x-ratelimit-limit, -remaining, -reset and -used', async () => {
    const { response } = await client.responses.create({ model: 'perplexity/sonar', input: 'Limits?' }).withResponse();
    for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used']) {
      assert.match(response.headers.get(name) ?? '', /^\d+$/, name);
    }
    assert.ok(Number(response.headers.get('x-ratelimit-reset')) > Date.now() / 1000 - 1);
  });

  await check('perplexity sdk: a shared prompt_cache_key bills the repeated prefix as cache reads, every usage field typed', async () => {
    await ctl.reset();
    const input = [{ type: 'message', role: 'user', content: 'A question long enough to be worth caching, asked twice.' }];
    const first = await client.responses.create({ model: 'perplexity/sonar', input, prompt_cache_key: 'compat-conversation' });
    const second = await client.responses.create({ model: 'perplexity/sonar', input: [...input, { type: 'message', role: 'assistant', content: first.output_text }, { type: 'message', role: 'user', content: 'And again?' }], prompt_cache_key: 'compat-conversation' });
    assert.equal(first.usage.input_tokens_details.cache_read_input_tokens, 0);
    const details = second.usage.input_tokens_details;
    assert.ok(details.cache_read_input_tokens > 0 && details.cache_read_input_tokens < second.usage.input_tokens);
    assert.equal(details.cached_tokens, details.cache_read_input_tokens);
    for (const field of ['input_cost', 'output_cost', 'cache_read_cost', 'cache_creation_cost', 'tool_calls_cost', 'total_cost']) assert.equal(typeof second.usage.cost[field], 'number', field);
    assert.equal(second.usage.cost.currency, 'USD');
    assert.equal(typeof second.usage.output_tokens_details.reasoning_tokens, 'number');
    assert.equal(second.prompt_cache_key, 'compat-conversation');
  });
}
