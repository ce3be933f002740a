using System.Text;

namespace ThreadClient.Benchmarks;

/// <summary>The bytes every contender reads: the seed's Perplexity reply and full-mode SSE streams.</summary>
public static class Payloads
{
    /// <summary>The reply from shared/seeds/000 ("Starting a New Thread").</summary>
    public static readonly byte[] SeedReplyBytes = Encoding.UTF8.GetBytes(ThreadClient.Tests.Perplexity.PerplexitySeed.StartThreadReply);

    /// <summary>An Aitronos model response of similar size.</summary>
    public static readonly byte[] AitronosReplyBytes = Encoding.UTF8.GetBytes("""
        {
          "id": "resp_67cc8901",
          "object": "response",
          "created_at": 1736160600,
          "model": "gpt-4.1",
          "status": "completed",
          "thread_id": "thread_user123_session1",
          "output": [
            {
              "type": "message",
              "role": "assistant",
              "content": [
                { "type": "output_text", "text": "The movie that won the Cannes Film Festival Special Jury Prize in 1996 was \"Breaking the Waves\" directed by Lars von Trier. This Danish drama film starred Emily Watson and was notable for being von Trier's breakthrough film that helped establish him as a major international filmmaker..." }
              ]
            }
          ],
          "usage": { "input_tokens": 45, "output_tokens": 128, "total_tokens": 173 }
        }
        """);

    private static readonly Dictionary<int, byte[]> Streams = [];

    /// <summary>
    /// A Perplexity stream in full mode: each chunk carries its delta and the whole message so far, and
    /// the thread id; citations first, usage and search results last; then <c>[DONE]</c>.
    /// </summary>
    public static byte[] Stream(int chunks)
    {
        lock (Streams)
        {
            if (!Streams.TryGetValue(chunks, out var bytes))
            {
                bytes = Streams[chunks] = Encoding.UTF8.GetBytes(BuildStream(chunks));
            }

            return bytes;
        }
    }

    private static string BuildStream(int chunks)
    {
        var body = new StringBuilder();
        var soFar = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            var piece = $"word{i % 10} ";
            soFar.Append(piece);
            body.Append("data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"sonar-pro\",\"thread_id\":\"3947452d-7cc0-48b3-afe7-d053c1083b78\"");
            if (i == 0)
            {
                body.Append(",\"citations\":[\"https://a.example/1\",\"https://b.example/2\"]");
            }

            body.Append(",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"").Append(piece)
                .Append("\"},\"message\":{\"role\":\"assistant\",\"content\":\"").Append(soFar).Append("\"}");
            body.Append(i == chunks - 1 ? ",\"finish_reason\":\"stop\"}]" : ",\"finish_reason\":null}]");
            if (i == chunks - 1)
            {
                body.Append(",\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":").Append(chunks).Append(",\"total_tokens\":").Append(12 + chunks).Append('}');
                body.Append(",\"search_results\":[{\"title\":\"A\",\"url\":\"https://a.example/1\"}]");
            }

            body.Append("}\n\n");
        }

        body.Append("data: [DONE]\n\n");
        return body.ToString();
    }

    private static readonly Dictionary<int, byte[]> AitronosStreams = [];

    /// <summary>
    /// An Aitronos stream: <c>response.created</c>, <paramref name="deltas"/> content deltas, the done
    /// event with the whole text, <c>response.completed</c> with the response nested, then <c>[DONE]</c>.
    /// </summary>
    public static byte[] AitronosStream(int deltas)
    {
        lock (AitronosStreams)
        {
            if (!AitronosStreams.TryGetValue(deltas, out var bytes))
            {
                var body = new StringBuilder();
                var text = new StringBuilder();
                body.Append("event: response.created\ndata: {\"response_id\":\"resp_s\",\"thread_id\":\"thread_user123_session1\"}\n\n");
                for (var i = 0; i < deltas; i++)
                {
                    var piece = $"word{i % 10} ";
                    text.Append(piece);
                    body.Append("event: response.content_delta\ndata: {\"response_id\":\"resp_s\",\"delta\":\"").Append(piece).Append("\"}\n\n");
                }

                body.Append("event: response.content_done\ndata: {\"response_id\":\"resp_s\",\"text\":\"").Append(text).Append("\"}\n\n");
                body.Append("event: response.completed\ndata: {\"response\":{\"id\":\"resp_s\",\"object\":\"response\",\"model\":\"gpt-4.1\",\"status\":\"completed\",\"thread_id\":\"thread_user123_session1\",")
                    .Append("\"output\":[{\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"").Append(text).Append("\"}]}],")
                    .Append("\"usage\":{\"input_tokens\":12,\"output_tokens\":").Append(deltas).Append(",\"total_tokens\":").Append(12 + deltas).Append("}}}\n\n");
                body.Append("data: [DONE]\n\n");
                bytes = AitronosStreams[deltas] = Encoding.UTF8.GetBytes(body.ToString());
            }

            return bytes;
        }
    }
}
