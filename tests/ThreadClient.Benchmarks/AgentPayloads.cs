using System.Text;

namespace ThreadClient.Benchmarks;

/// <summary>The bytes the Agent API benchmarks read: a response shaped as the official SDK's types, and event streams.</summary>
public static class AgentPayloads
{
    public static readonly byte[] ResponseBytes = Encoding.UTF8.GetBytes("""
        {
          "id": "resp_67cc8901",
          "object": "response",
          "created_at": 1767225600,
          "model": "perplexity/sonar",
          "status": "completed",
          "output": [
            { "type": "search_results", "queries": ["cannes 1996 special jury prize"], "results": [
              { "id": 1, "title": "Cannes 1996", "url": "https://en.wikipedia.org/wiki/1996_Cannes_Film_Festival", "snippet": "The Special Jury Prize went to Crash.", "date": "2024-01-01" } ] },
            { "type": "message", "id": "msg_1", "role": "assistant", "status": "completed", "content": [
              { "type": "output_text", "text": "The movie that won the Cannes Film Festival Special Jury Prize in 1996 was \"Crash\" directed by David Cronenberg. The film stirred controversy for its themes and won the prize for originality, daring and audacity...", "annotations": [
                { "type": "url_citation", "url": "https://en.wikipedia.org/wiki/1996_Cannes_Film_Festival", "title": "Cannes 1996", "start_index": 0, "end_index": 90 } ] } ] }
          ],
          "usage": { "input_tokens": 45, "output_tokens": 128, "total_tokens": 173,
                     "cost": { "input_cost": 0.000045, "output_cost": 0.000128, "tool_calls_cost": 0.005, "total_cost": 0.005173, "currency": "USD" } }
        }
        """);

    private static readonly Dictionary<int, byte[]> Streams = [];

    /// <summary>The documented sequence: created, the message item, <paramref name="deltas"/> text deltas, the done events, completed with the whole response.</summary>
    public static byte[] Stream(int deltas)
    {
        lock (Streams)
        {
            if (!Streams.TryGetValue(deltas, out var bytes))
            {
                bytes = Streams[deltas] = Encoding.UTF8.GetBytes(Build(deltas));
            }

            return bytes;
        }
    }

    private static string Build(int deltas)
    {
        var body = new StringBuilder();
        var text = new StringBuilder();
        var sequence = 0;
        void Event(string type, string fields) =>
            body.Append("event: ").Append(type).Append("\ndata: {\"type\":\"").Append(type).Append("\",\"sequence_number\":").Append(sequence++).Append(fields).Append("}\n\n");

        Event("response.created", ",\"response\":{\"id\":\"resp_s\",\"object\":\"response\",\"created_at\":1767225600,\"model\":\"perplexity/sonar\",\"status\":\"in_progress\",\"output\":[]}");
        Event("response.output_item.added", ",\"output_index\":0,\"item\":{\"type\":\"message\",\"id\":\"msg_s\",\"role\":\"assistant\",\"status\":\"in_progress\",\"content\":[]}");
        for (var i = 0; i < deltas; i++)
        {
            var piece = $"word{i % 10} ";
            text.Append(piece);
            Event("response.output_text.delta", ",\"item_id\":\"msg_s\",\"output_index\":0,\"content_index\":0,\"delta\":\"" + piece + "\"");
        }

        var whole = text.ToString();
        Event("response.output_text.done", ",\"item_id\":\"msg_s\",\"output_index\":0,\"content_index\":0,\"text\":\"" + whole + "\"");
        var message = "{\"type\":\"message\",\"id\":\"msg_s\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":[{\"type\":\"output_text\",\"text\":\"" + whole + "\",\"annotations\":[]}]}";
        Event("response.output_item.done", ",\"output_index\":0,\"item\":" + message);
        Event("response.completed", ",\"response\":{\"id\":\"resp_s\",\"object\":\"response\",\"created_at\":1767225600,\"model\":\"perplexity/sonar\",\"status\":\"completed\",\"output\":[" + message + "],\"usage\":{\"input_tokens\":12,\"output_tokens\":" + deltas + ",\"total_tokens\":" + (12 + deltas) + "}}");
        return body.ToString();
    }
}
