using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// Reads a string field whose values come from a small vocabulary (statuses, roles, item and event
/// types, currencies) without allocating for the known values: each known value is one shared
/// string. A value outside the vocabulary is read as usual, or reused when it repeats one of the
/// last few read on this thread (the id, model and thread id every event of a stream repeats); a
/// number reads as its text.
/// </summary>
internal sealed class KnownStringConverter : JsonConverter<string?>
{
    private static readonly string[] Vocabulary =
    [
        "response", "completed", "failed", "in_progress", "queued", "cancelled", "requires_action",
        "message", "assistant", "user", "system", "developer", "output_text", "url_citation",
        "search_results", "fetch_url_results", "function_call", "web", "attachment", "USD",
        "response.created", "response.in_progress", "response.completed", "response.failed",
        "response.output_item.added", "response.output_item.done", "response.output_text.delta", "response.output_text.done",
        "response.reasoning.started", "response.reasoning.search_queries", "response.reasoning.search_results",
        "response.reasoning.fetch_url_queries", "response.reasoning.fetch_url_results", "response.reasoning.stopped",
        "response.skill.loaded",
        "chat.completion", "chat.completion.chunk", "chat.completion.done", "stop", "length", "tool", "low", "medium", "high",
        "sonar", "sonar-pro", "sonar-reasoning", "sonar-reasoning-pro", "sonar-deep-research",
    ];

    // How many recent values outside the vocabulary each thread keeps (id, object, model, thread id).
    private const int Recent = 4;

    private static readonly byte[][] Utf8 = [.. Vocabulary.Select(static v => System.Text.Encoding.UTF8.GetBytes(v))];

    // The vocabulary's indexes by length (most lengths have one or two words): a value is compared with those only.
    private static readonly int[][] ByLength = BuildByLength();

    [ThreadStatic]
    private static string?[]? t_recent;

    [ThreadStatic]
    private static int t_next;

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType == JsonTokenType.Null ? null : LenientRead(ref reader);
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            var value = reader.ValueSpan;
            if (value.Length < ByLength.Length)
            {
                foreach (var i in ByLength[value.Length])
                {
                    if (value.SequenceEqual(Utf8[i]))
                    {
                        return Vocabulary[i];
                    }
                }
            }
        }

        var recent = t_recent ??= new string?[Recent];
        for (var i = 0; i < Recent; i++)
        {
            if (recent[i] is { } seen && reader.ValueTextEquals(seen))
            {
                // A value read again becomes the newest, so that the values every event repeats are the
                // last ones a new value replaces (the slot at t_next is the oldest).
                var newest = (t_next + Recent - 1) % Recent;
                (recent[i], recent[newest]) = (recent[newest], seen);
                return seen;
            }
        }

        var read = reader.GetString()!;
        recent[t_next] = read;
        t_next = (t_next + 1) % Recent;
        return read;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static int[][] BuildByLength()
    {
        var longest = Utf8.Max(static word => word.Length);
        var table = new int[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            table[length] = [.. Enumerable.Range(0, Utf8.Length).Where(i => Utf8[i].Length == length)];
        }

        return table;
    }

    private static string? LenientRead(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        return reader.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : null;
    }
}
