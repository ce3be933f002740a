namespace ThreadClient.Tests.Perplexity;

/// <summary>
/// Bodies copied verbatim from the product document shared/seeds/000 (Perplexity "Context
/// Management"): the requests are what the SDK must send, the reply what it must read.
/// </summary>
public static class PerplexitySeed
{
    public const string ThreadId = "3947452d-7cc0-48b3-afe7-d053c1083b78";

    public const string StartThreadRequest = """
        {
          "model": "sonar-pro",
          "use_threads": true,
          "messages": [
            {
              "role": "user",
              "content": "Which movie won the Cannes film festival special jury prize in 1996?"
            }
          ],
          "stream": false,
          "web_search_options": {
            "search_type": "pro"
          }
        }
        """;

    public const string ContinueThreadRequest = """
        {
          "model": "sonar-pro",
          "use_threads": true,
          "thread_id": "3947452d-7cc0-48b3-afe7-d053c1083b78",
          "messages": [
            {
              "role": "user",
              "content": "What else has that director made?"
            }
          ],
          "stream": false,
          "web_search_options": {
            "search_type": "pro"
          }
        }
        """;

    public const string StartThreadReply = """
        {
          "id": "12345678-1234-1234-1234-123456789012",
          "object": "chat.completion",
          "created": 1641234567,
          "model": "sonar-pro",
          "choices": [
            {
              "index": 0,
              "message": {
                "role": "assistant",
                "content": "The movie that won the Cannes Film Festival Special Jury Prize in 1996 was \"Breaking the Waves\" directed by Lars von Trier. This Danish drama film starred Emily Watson and was notable for being von Trier's breakthrough film that helped establish him as a major international filmmaker..."
              },
              "finish_reason": "stop"
            }
          ],
          "usage": {
            "prompt_tokens": 45,
            "completion_tokens": 128,
            "total_tokens": 173
          },
          "thread_id": "3947452d-7cc0-48b3-afe7-d053c1083b78"
        }
        """;
}
