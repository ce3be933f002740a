using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ThreadClient.Perplexity;

/// <summary>
/// Reads one stream chunk with <see cref="Utf8JsonReader"/>. In Perplexity's "full" mode every chunk
/// repeats the whole message so far next to its delta; materializing that text for each chunk
/// would cost memory quadratic in the reply's length, so a choice's <c>message</c> is skipped
/// whenever the choice has a <c>delta</c> (and read only when it has none). One instance per stream:
/// it reuses the id, model and thread id strings while they stay the same.
/// </summary>
internal sealed class PerplexityChunkReader
{
    private string? _id;
    private string? _objectType;
    private string? _model;
    private string? _threadId;

    public ChatCompletionChunk Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
        var chunk = new ChatCompletionChunk();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                chunk.Id = _id = Text(ref reader, _id);
            }
            else if (reader.ValueTextEquals("object"u8))
            {
                chunk.ObjectType = _objectType = Text(ref reader, _objectType);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                chunk.Model = _model = Text(ref reader, _model);
            }
            else if (reader.ValueTextEquals("thread_id"u8))
            {
                chunk.ThreadId = Text(ref reader, _threadId);
                _threadId = chunk.ThreadId ?? _threadId;
            }
            else if (reader.ValueTextEquals("created"u8))
            {
                reader.Read();
                chunk.Created = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var created) ? created : null;
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                ReadChoices(ref reader, chunk.Choices);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                chunk.Usage = Value(ref reader, PerplexityJsonContext.Default.ChatUsage);
            }
            else if (reader.ValueTextEquals("citations"u8))
            {
                chunk.Citations = Value(ref reader, PerplexityJsonContext.Default.IListString);
            }
            else if (reader.ValueTextEquals("search_results"u8))
            {
                chunk.SearchResults = Value(ref reader, PerplexityJsonContext.Default.IListSearchResult);
            }
            else if (reader.ValueTextEquals("related_questions"u8))
            {
                chunk.RelatedQuestions = Value(ref reader, PerplexityJsonContext.Default.IListString);
            }
            else if (reader.ValueTextEquals("images"u8))
            {
                reader.Read();
                chunk.Images = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                (chunk.AdditionalProperties ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return chunk;
    }

    private static void ReadChoices(ref Utf8JsonReader reader, IList<ChatChoice> choices)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("choices must be an array.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var choice = new ChatChoice();
            var message = default(Utf8JsonReader);
            var hasMessage = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("index"u8))
                {
                    reader.Read();
                    choice.Index = reader.GetInt32();
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    choice.Delta = ReadMessage(ref reader);
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    message = reader;
                    hasMessage = reader.TokenType == JsonTokenType.StartObject;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("finish_reason"u8))
                {
                    reader.Read();
                    choice.FinishReason = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                }
                else
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    (choice.AdditionalProperties ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
                }
            }

            if (choice.Delta is null && hasMessage)
            {
                choice.Message = ReadMessage(ref message);
            }

            choices.Add(choice);
        }
    }

    private static ChatMessage? ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A message must be an object.");
        }

        var message = new ChatMessage();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                message.Role = reader.ValueTextEquals("assistant"u8) ? "assistant" : reader.GetString() ?? "assistant";
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                message.Content = reader.TokenType switch
                {
                    JsonTokenType.Null => null,
                    JsonTokenType.String => new ChatContent(reader.GetString()!),
                    _ => JsonSerializer.Deserialize(ref reader, PerplexityJsonContext.Default.ChatContent),
                };
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                (message.AdditionalProperties ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return message;
    }

    /// <summary>The next value, through the source-generated metadata.</summary>
    private static T? Value<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> type)
    {
        reader.Read();
        return JsonSerializer.Deserialize(ref reader, type);
    }

    /// <summary>The string value, reusing <paramref name="previous"/> when the bytes are the same.</summary>
    private static string? Text(ref Utf8JsonReader reader, string? previous)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return previous is not null && reader.ValueTextEquals(previous) ? previous : reader.GetString();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"A stream chunk must be a JSON object, not {reader.TokenType}.");
        }
    }
}
