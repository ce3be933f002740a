namespace ThreadClient.Tests.Aitronos;

/// <summary>
/// Request bodies copied from the product document shared/seeds/001 (Aitronos threads). Where the
/// document elides the inputs (<c>"inputs": [...]</c>), the first example's input stands in.
/// </summary>
public static class AitronosSeed
{
    public const string PlainThreadId = """
        {
        "model": "gpt-4.1",
        "thread": "thread_user123_session1",
        "inputs": [
        {
        "role": "user",
        "texts": [{"text": "Hello, I need help with Python"}]
        }
        ]
        }
        """;

    public const string ThreadWithMetadata = """
        {
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
        }
        """;

    public const string CreateThread = """
        {
        "metadata": {
        "userId": "user_123",
        "purpose": "support_chat"
        }
        }
        """;

    public const string LockWithThreadState = """
        {
        "model": "gpt-4.1",
        "thread": "thread_abc123",
        "threadState": "locked",
        "inputs": [{"role": "user", "texts": [{"text": "Hello, I need help with Python"}]}]
        }
        """;

    public const string Archive = """{"state": "archived"}""";

    public const string StoreTrue = """
        {
        "organization_id": "org_abc123",
        "model": "ftg-3.0",
        "store": true,
        "inputs": [
        {
        "role": "user",
        "texts": [{"text": "Hello"}]
        }
        ]
        }
        """;

    public const string StoreFalse = """
        {
        "organization_id": "org_abc123",
        "model": "ftg-3.0-speed",
        "store": false,
        "inputs": [
        {
        "role": "user",
        "texts": [{"text": "Generate a title for this conversation"}]
        }
        ]
        }
        """;

    public const string ChainFirst = """
        {
        model: 'gpt-4.1',
        inputs: [{ role: 'user', texts: [{ text: 'Hello' }] }]
        }
        """;

    public const string ChainSecond = """
        {
        model: 'gpt-4.1',
        previousResponseId: 'resp_1',
        inputs: [{ role: 'user', texts: [{ text: 'Tell me more' }] }]
        }
        """;

    public const string UpdateMetadata = """
        {
        "metadata": {
        "status": "resolved",
        "rating": 5
        }
        }
        """;

    public const string SystemAndUser = """
        {
        'model': 'gpt-4.1',
        'thread': 'onboarding_u1',
        'inputs': [
        {'role': 'system', 'texts': [{'text': 'You are helping a user through an onboarding process. Current step: profile'}]},
        {'role': 'user', 'texts': [{'text': 'What next?'}]}
        ]
        }
        """;

    /// <summary>The document's JavaScript and Python literals as JSON: quoted keys, double quotes.</summary>
    public static string AsJson(string literal) =>
        System.Text.RegularExpressions.Regex.Replace(literal.Replace('\'', '"'), @"(?<=[{,]\s*)([A-Za-z_]+)(?=\s*:)", "\"$1\"");
}
