using System.Text;

namespace ThreadClient.Tests.Perplexity.Agent;

/// <summary>Agent API event streams as the service documents them, for stream tests.</summary>
public static class AgentStreams
{
    public const string Created = """{"type":"response.created","sequence_number":0,"response":{"id":"resp_s","object":"response","created_at":1767225600,"model":"perplexity/sonar","status":"in_progress","output":[]}}""";

    public static string Completed(string text, string status = "completed") =>
        """{"type":"response.completed","sequence_number":99,"response":{"id":"resp_s","object":"response","created_at":1767225600,"model":"perplexity/sonar","status":"STATUS","output":[{"type":"search_results","queries":["q"],"results":[{"id":1,"title":"T","url":"https://s.example/1","snippet":"S"}]},{"type":"message","id":"msg_s","role":"assistant","status":"completed","content":[{"type":"output_text","text":"TEXT","annotations":[{"type":"url_citation","url":"https://s.example/1","start_index":0,"end_index":3}]}]}],"usage":{"input_tokens":5,"output_tokens":7,"total_tokens":12,"cost":{"input_cost":0.1,"output_cost":0.2,"total_cost":0.3,"currency":"USD"}}}}"""
            .Replace("STATUS", status, StringComparison.Ordinal).Replace("TEXT", text, StringComparison.Ordinal);

    public static string Delta(string text, int sequence, int outputIndex = 1) =>
        $$"""{"type":"response.output_text.delta","sequence_number":{{sequence}},"item_id":"msg_s","output_index":{{outputIndex}},"content_index":0,"delta":"{{text}}"}""";

    public static string TextDone(string text, int outputIndex = 1) =>
        $$"""{"type":"response.output_text.done","sequence_number":50,"item_id":"msg_s","output_index":{{outputIndex}},"content_index":0,"text":"{{text}}"}""";

    public static string Sse(params string[] events)
    {
        var body = new StringBuilder();
        foreach (var data in events)
        {
            if (data.StartsWith("event:", StringComparison.Ordinal) || data.StartsWith(':'))
            {
                body.Append(data).Append("\n\n");
                continue;
            }

            var type = data.Contains("\"type\":\"", StringComparison.Ordinal) ? data.Split("\"type\":\"")[1].Split('"')[0] : null;
            body.Append(type is null ? "" : $"event: {type}\n").Append("data: ").Append(data).Append("\n\n");
        }

        return body.ToString();
    }

    /// <summary>The documented sequence for one answer: created, in_progress, the items, the deltas, the done events, completed.</summary>
    public static string[] Documented(params string[] pieces)
    {
        var text = string.Concat(pieces);
        var events = new List<string>
        {
            Created,
            """{"type":"response.in_progress","sequence_number":1,"response":{"id":"resp_s","status":"in_progress","output":[]}}""",
            """{"type":"response.reasoning.started","sequence_number":2,"thought":"Thinking."}""",
            """{"type":"response.reasoning.search_queries","sequence_number":3,"queries":["q"],"thought":"Searching."}""",
            """{"type":"response.reasoning.search_results","sequence_number":4,"results":[{"id":1,"title":"T","url":"https://s.example/1","snippet":"S"}]}""",
            """{"type":"response.reasoning.stopped","sequence_number":5}""",
            """{"type":"response.output_item.added","sequence_number":6,"output_index":0,"item":{"type":"search_results","queries":["q"],"results":[]}}""",
            """{"type":"response.output_item.added","sequence_number":7,"output_index":1,"item":{"type":"message","id":"msg_s","role":"assistant","status":"in_progress","content":[]}}""",
        };
        for (var i = 0; i < pieces.Length; i++)
        {
            events.Add(Delta(pieces[i], 10 + i));
        }

        events.Add(TextDone(text));
        events.Add($$$"""{"type":"response.output_item.done","sequence_number":60,"output_index":1,"item":{"type":"message","id":"msg_s","role":"assistant","status":"completed","content":[{"type":"output_text","text":"{{{text}}}"}]}}""");
        events.Add(Completed(text));
        return [.. events];
    }
}
