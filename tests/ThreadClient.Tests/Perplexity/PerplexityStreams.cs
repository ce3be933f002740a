using System.Text;

namespace ThreadClient.Tests.Perplexity;

/// <summary>Builds SSE bodies the way Perplexity streams in its default "full" mode.</summary>
public static class PerplexityStreams
{
    /// <summary>
    /// One chunk per piece of text: each with the new <c>delta</c> and the whole <c>message</c> so far;
    /// citations on the first chunk, thread id from the second, usage and search results on the last.
    /// </summary>
    public static string FullMode(IReadOnlyList<string> pieces, bool done = true, string threadId = PerplexitySeed.ThreadId)
    {
        var body = new StringBuilder();
        var soFar = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            soFar.Append(pieces[i]);
            var last = i == pieces.Count - 1;
            body.Append("data: {\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"sonar-pro\"");
            if (i == 0)
            {
                body.Append(",\"citations\":[\"https://a.example\"]");
            }

            if (i >= 1)
            {
                body.Append(",\"thread_id\":\"").Append(threadId).Append('"');
            }

            body.Append(",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":").Append(Quote(pieces[i]))
                .Append("},\"message\":{\"role\":\"assistant\",\"content\":").Append(Quote(soFar.ToString())).Append('}');
            body.Append(last ? ",\"finish_reason\":\"stop\"}]" : ",\"finish_reason\":null}]");
            if (last)
            {
                body.Append(",\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":").Append(pieces.Count).Append(",\"total_tokens\":").Append(3 + pieces.Count).Append('}');
                body.Append(",\"search_results\":[{\"title\":\"A\",\"url\":\"https://a.example\"}]");
            }

            body.Append("}\n\n");
        }

        if (done)
        {
            body.Append("data: [DONE]\n\n");
        }

        return body.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
