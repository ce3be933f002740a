// The openai npm package pointed at the emulator (Perplexity is OpenAI-compatible): chat completions
// with Perplexity's thread fields passed through, streaming, errors and retries, and responses.create
// against the Agent API at /v1/responses.
import OpenAI from 'openai';
import { assert, check, control, earlierTurns, uuid } from './harness.mjs';

export async function run(base) {
  const ctl = control(base);
  const root = base.replace(/\/$/, '');
  const chat = new OpenAI({ apiKey: 'compat-key', baseURL: root, maxRetries: 2 });
  const agent = new OpenAI({ apiKey: 'compat-key', baseURL: `${root}/v1`, maxRetries: 2 });
  const ask = (content, extra = {}) =>
    chat.chat.completions.create({ model: 'sonar-pro', messages: [{ role: 'user', content }], use_threads: true, ...extra });

  await check('openai npm: start, continue and a third turn on a Perplexity thread', async () => {
    await ctl.reset();
    const first = await ask('One');
    assert.match(first.thread_id, uuid);
    await ask('Two', { thread_id: first.thread_id });
    const third = await ask('Three', { thread_id: first.thread_id });
    assert.deepEqual(earlierTurns(third.choices[0].message.content), ['One', 'Two']);
    assert.equal(typeof third.usage.cost.total_cost, 'number');
  });

  await check('openai npm: a streamed turn folds to the reply', async () => {
    const first = await ask('Before the stream');
    const stream = await ask('Streamed', { thread_id: first.thread_id, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    assert.deepEqual(earlierTurns(text), ['Before the stream']);
  });

  await check('openai npm: invalid and unknown threads are BadRequestError and NotFoundError', async () => {
    await assert.rejects(ask('x', { thread_id: 'nope' }), (error) => error instanceof OpenAI.BadRequestError);
    await assert.rejects(ask('x', { thread_id: '11111111-1111-4111-8111-111111111111' }), (error) => error instanceof OpenAI.NotFoundError);
  });

  await check('openai npm: 429 with Retry-After then success; 500 three times then InternalServerError', async () => {
    await ctl.reset();
    await ctl.fault({ method: 'POST', path: '/chat/completions', status: 429, headers: { 'Retry-After': '1' } });
    await ask('after a 429');
    assert.equal((await ctl.requests()).length, 2);
    await ctl.reset();
    await ctl.fault({ method: 'POST', path: '/chat/completions', status: 500, headers: { 'retry-after-ms': '10' }, times: 3 });
    await assert.rejects(ask('doomed'), (error) => error instanceof OpenAI.InternalServerError);
    assert.equal((await ctl.requests()).length, 3);
  });

  await check('openai npm: responses.create on the Agent API, plain and streamed', async () => {
    const response = await agent.responses.create({ model: 'perplexity/sonar', input: 'Hello responses' });
    assert.equal(response.status, 'completed');
    assert.deepEqual(earlierTurns(response.output_text), []);
    const stream = await agent.responses.create({ model: 'perplexity/sonar', input: 'Stream responses', stream: true });
    let text = '';
    let completed = false;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = true;
    }
    assert.ok(completed);
    assert.deepEqual(earlierTurns(text), []);
  });
}
