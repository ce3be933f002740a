#!/usr/bin/env bash
# Seed 001's curl examples, verbatim but for the host (https://api.aitronos.com -> $AITRONOS, the
# emulator) and the "inputs": [...] placeholders, which are filled with one user input. Each example's
# answer is checked; the script prints one line per check and exits non-zero if any fails.
set -uo pipefail
: "${AITRONOS:?set AITRONOS to the base address of the emulator, without a trailing slash}"
export FREDDY_API_KEY=${FREDDY_API_KEY:-compat-key}
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# expect NAME STATUS [JS]: the last answer (in $out, its status in $status) has STATUS and, given JS,
# a body for which the JavaScript expression JS (over `body`) is true.
expect() {
  local name=$1 want=$2 test=${3:-true}
  if [ "$status" = "$want" ] && node -e "const fs=require('fs'); const t=fs.readFileSync(process.argv[1],'utf8'); const body=t?JSON.parse(t):null; process.exit(($test)?0:1)" "$out" 2>/dev/null; then
    echo "ok   - seed 001: $name"
  else
    echo "FAIL - seed 001: $name (status $status, want $want; body: $(head -c 300 "$out"))"
    failed=1
  fi
}
run() { status=$("$@" -s -o "$out" -w '%{http_code}'); }

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"model": "gpt-4.1",
"thread": "thread_user123_session1",
"inputs": [
{
"role": "user",
"texts": [{"text": "Hello, I need help with Python"}]
}
]
}'
expect "a thread id that does not exist is created" 200 'body.thread_id === "thread_user123_session1" && body.output[0].content[0].text.startsWith("Echo: Hello, I need help with Python")'

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"model": "gpt-4.1",
"thread": {
"id": "thread_user123_session1",
"metadata": {
"userId": "user_123",
"sessionId": "sess_456",
"topic": "python_help"
}
},
"inputs": [
{
"role": "user",
"texts": [{"text": "Hello, I need help with Python"}]
}
]
}'
expect "a thread object with metadata continues the thread" 200 'body.output[0].content[0].text.endsWith("[earlier: Hello, I need help with Python]")'

run curl $AITRONOS/v1/threads \
-H "X-API-Key: $FREDDY_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"metadata": {
"userId": "user_123",
"purpose": "support_chat"
}
}'
expect "an empty thread is created with metadata" 200 'body.id.startsWith("thread_") && body.metadata.purpose === "support_chat" && body.message_count === 0'

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{
"model": "gpt-4.1",
"thread": "thread_67cc8901",
"inputs": [{"role": "user", "texts": [{"text": "Use the thread"}]}]
}'
expect "a response on a named thread" 200 'body.thread_id === "thread_67cc8901"'

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{
"model": "gpt-4.1",
"thread": "thread_abc123",
"threadState": "locked",
"inputs": [{"role": "user", "texts": [{"text": "Last words"}]}]
}'
expect "threadState locked answers, then locks the thread" 200
run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{"model": "gpt-4.1", "thread": "thread_abc123", "inputs": [{"role": "user", "texts": [{"text": "More?"}]}]}'
expect "a locked thread refuses a new message (409)" 409 'body.error.code === "THREAD_LOCKED"'

run curl $AITRONOS/v1/threads/thread_abc123 \
-X PATCH \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{"state": "archived"}'
expect "PATCH state archived" 200 'body.state === "archived"'

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"organization_id": "org_abc123",
"model": "ftg-3.0",
"store": true,
"inputs": [
{
"role": "user",
"texts": [{"text": "Hello"}]
}
]
}'
expect "store true without a thread creates a visible thread" 200 'typeof body.thread_id === "string"'
visible=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1],'utf8')).thread_id)" "$out")

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"organization_id": "org_abc123",
"model": "ftg-3.0-speed",
"store": false,
"inputs": [
{
"role": "user",
"texts": [{"text": "Generate a title for this conversation"}]
}
]
}'
expect "store false without a thread creates a hidden thread" 200 'typeof body.thread_id === "string"'
hidden=$(node -e "console.log(JSON.parse(require('fs').readFileSync(process.argv[1],'utf8')).thread_id)" "$out")

run curl $AITRONOS/v1/threads/$hidden \
-H "X-API-Key: $FREDDY_API_KEY"
expect "a hidden thread is accessible by direct id lookup" 200 "body.id === '$hidden' && body.visible_in_ui === false"

run curl $AITRONOS/v1/threads?visible_in_ui=false \
-H "X-API-Key: $FREDDY_API_KEY"
expect "visible_in_ui=false lists the hidden thread only" 200 "body.data.map(t => t.id).join() === '$hidden'"
for flag in False 0; do
  run curl "$AITRONOS/v1/threads?visible_in_ui=$flag" -H "X-API-Key: $FREDDY_API_KEY"
  expect "visible_in_ui=$flag is read as false" 200 "body.data.map(t => t.id).join() === '$hidden'"
done
run curl $AITRONOS/v1/threads -H "X-API-Key: $FREDDY_API_KEY"
expect "the default list shows visible threads only" 200 "body.data.some(t => t.id === '$visible') && !body.data.some(t => t.id === '$hidden')"

run curl $AITRONOS/v1/threads/thread_67cc8901/messages \
-H "X-API-Key: $FREDDY_API_KEY"
expect "a thread's messages, in order" 200 'body.data.map(m => m.role).join() === "user,assistant" && body.data[0].content[0].text === "Use the thread"'

run curl $AITRONOS/v1/threads/thread_67cc8901 \
-X PATCH \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{
"metadata": {
"status": "resolved",
"rating": 5
}
}'
expect "PATCH metadata" 200 'body.metadata.status === "resolved" && body.metadata.rating === 5'

run curl $AITRONOS/v1/threads/thread_67cc8901 \
-X DELETE \
-H "X-API-Key: $FREDDY_API_KEY"
expect "DELETE a thread" 204

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{"model": "gpt-4.1", "thread": "thread_67cc8901", "inputs": [{"role": "user", "texts": [{"text": "Still there?"}]}]}'
expect "a deleted thread answers 404 THREAD_NOT_FOUND (the seed's fallback trigger)" 404 'body.success === false && body.error.code === "THREAD_NOT_FOUND"'

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '{"model": "gpt-4.1", "store": "false", "inputs": [{"role": "user", "texts": [{"text": "x"}]}]}'
expect "a wrongly typed field (store: \"false\") is a 422 envelope naming it" 422 'body.error.code === "VALIDATION_ERROR" && body.error.details.field === "store"'

run curl $AITRONOS/v1/model/response \
-H "X-API-Key: $FREDDY_API_KEY" \
-d '[{"model": "gpt-4.1"}]'
expect "an array body is a 422 envelope" 422 'body.error.details.field === "body"'

exit $failed
