using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ThreadClient.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>
/// Reads Perplexity replies with <see cref="Utf8JsonReader"/>: a whole completion, or one stream chunk.
/// Unmodeled fields of the reply, its choices and messages are kept in their
/// <c>AdditionalProperties</c> (<see cref="ChatMessage"/> has no extension data for System.Text.Json,
/// so that requests keep the source generator's fast path; see <see cref="PerplexityRequestWriter"/>).
/// In Perplexity's "full" mode every chunk repeats the whole message so far next to its delta. A chunk
/// the caller enumerates carries that <c>message</c> as the server sent it (as <see cref="ChatChoice"/>
/// documents); the fold skips it whenever the choice has a <c>delta</c> (reading it only when there is
/// none), so that folding stays linear in the reply's length. One instance per stream: it reuses the
/// id, model and thread id strings while they stay the same.
/// </summary>
/// <remarks>
/// Made with a <see cref="ChatCompletionBuilder"/>, the reader folds instead: each event's fields go
/// through one reused chunk object into the builder, and each delta's text is copied from the UTF-8
/// bytes into the builder's text, so an event allocates nothing of its own.
/// </remarks>
internal sealed class PerplexityReplyReader(ChatCompletionBuilder? fold = null)
{
    private const int StackTextLimit = 256;
    private readonly ChatCompletionChunk? _reused = fold is null ? null : new ChatCompletionChunk();
    private readonly bool _wholeReply;
    private string? _id;
    private string? _objectType;
    private string? _model;
    private string? _threadId;

    private PerplexityReplyReader(bool wholeReply)
        : this(fold: null) => _wholeReply = wholeReply;

    /// <summary>Reads a whole (non-streamed) completion.</summary>
    public static ChatCompletion ReadCompletion(ReadOnlySpan<byte> json)
    {
        var completion = new ChatCompletion();
        new PerplexityReplyReader(wholeReply: true).ReadInto(json, completion);
        return completion;
    }

    /// <summary>Reads one stream event: the chunk, or, when folding, <see langword="null"/> once the event is in the builder.</summary>
    public ChatCompletionChunk? ReadChunk(ReadOnlySpan<byte> json)
    {
        var chunk = _reused ?? new ChatCompletionChunk();
        ReadInto(json, chunk);
        if (fold is null)
        {
            return chunk;
        }

        fold.AppendMetadata(chunk);
        chunk.ClearFields();
        return null;
    }

    private void ReadInto(ReadOnlySpan<byte> json, ChatCompletionBase chunk)
    {
        var reader = new Utf8JsonReader(json);
        Expect(ref reader, JsonTokenType.StartObject);
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
                chunk.Created = Wire.Int64.Read(ref reader, typeof(long?), Wire.Options);
            }
            else if (reader.ValueTextEquals("choices"u8))
            {
                ReadChoices(ref reader, chunk.Choices);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                chunk.Usage = ReadUsage(ref reader);
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
    }

    private void ReadChoices(ref Utf8JsonReader reader, IList<ChatChoice> choices)
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
            var index = 0;
            var indexSeen = false;
            string? finishReason = null;
            Dictionary<string, JsonElement>? extra = null;
            ChatMessage? delta = null;
            ChatMessage? message = null;
            var hasDelta = false;

            // Read at once where possible. A fold needs the index before a delta (it usually comes first),
            // and wants a chunk's message only when the chunk has no delta, known at the choice's end.
            var laterDelta = default(Utf8JsonReader);
            var laterMessage = default(Utf8JsonReader);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("index"u8))
                {
                    reader.Read();
                    if (Wire.Int64.Read(ref reader, typeof(long?), Wire.Options) is long read and >= 0 and <= int.MaxValue)
                    {
                        index = (int)read;
                        indexSeen = true;
                    }
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    hasDelta = IsObject(reader.TokenType, "delta");
                    if (!hasDelta)
                    {
                        continue;
                    }

                    if (fold is null)
                    {
                        delta = ReadMessage(ref reader);
                    }
                    else if (indexSeen)
                    {
                        FoldDelta(ref reader, fold.Choice(index));
                    }
                    else
                    {
                        laterDelta = reader;
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("message"u8))
                {
                    reader.Read();
                    if (!IsObject(reader.TokenType, "message"))
                    {
                        continue;
                    }

                    if (_wholeReply || fold is null)
                    {
                        // A chunk the caller enumerates carries the message as the server sent it; only the fold skips it.
                        message = ReadMessage(ref reader);
                    }
                    else
                    {
                        laterMessage = reader;
                        reader.Skip();
                    }
                }
                else if (reader.ValueTextEquals("finish_reason"u8))
                {
                    reader.Read();
                    finishReason = Wire.Known.Read(ref reader, typeof(string), Wire.Options);
                }
                else if (fold is null)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    (extra ??= [])[name] = JsonElement.ParseValue(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            var hasLaterMessage = !hasDelta && laterMessage.TokenType == JsonTokenType.StartObject;
            if (fold is not null)
            {
                var state = fold.Choice(index);
                if (laterDelta.TokenType == JsonTokenType.StartObject)
                {
                    FoldDelta(ref laterDelta, state);
                }
                else if (hasLaterMessage)
                {
                    state.AppendMessage(ReadMessage(ref laterMessage));
                }

                state.Finish(finishReason);
                continue;
            }

            choices.Add(new ChatChoice
            {
                Index = index,
                Delta = delta,
                Message = message ?? (hasLaterMessage ? ReadMessage(ref laterMessage) : null),
                FinishReason = finishReason,
                AdditionalProperties = extra,
            });
        }
    }

    /// <summary>Whether a choice's delta or message came as an object; absent or null is none; anything else is malformed.</summary>
    private static bool IsObject(JsonTokenType token, string field) => token switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.None or JsonTokenType.Null => false,
        _ => throw new JsonException($"A choice's {field} must be an object, not {token}."),
    };

    /// <summary>Folds a delta: its role, and its text copied from the UTF-8 bytes without a string of its own.</summary>
    private static void FoldDelta(ref Utf8JsonReader reader, ChatCompletionBuilder.ChoiceState state)
    {
        state.AddRole("assistant");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                state.AddRole(Role(ref reader));
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    AppendText(ref reader, state);
                }
                else if (reader.TokenType != JsonTokenType.Null && JsonSerializer.Deserialize(ref reader, PerplexityJsonContext.Default.ChatContent) is { } parts)
                {
                    state.AppendText(parts.Text);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>Appends a string value through a buffer on the stack (or a pooled one for a long value).</summary>
    private static void AppendText(ref Utf8JsonReader reader, ChatCompletionBuilder.ChoiceState state)
    {
        // Unescaped, a UTF-8 value never has more UTF-16 chars than it has bytes.
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = length <= StackTextLimit ? stackalloc char[StackTextLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        state.AppendText(buffer[..reader.CopyString(buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>A reply's message or delta (an object); its role is the assistant's unless it says otherwise.</summary>
    private static ChatMessage ReadMessage(ref Utf8JsonReader reader)
    {
        var message = new ChatMessage { Role = "assistant" };
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                message.Role = Role(ref reader);
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

    private static string Role(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("assistant"u8) ? "assistant" : Wire.Text.Read(ref reader, typeof(string), Wire.Options) ?? "assistant";

    /// <summary>
    /// Token usage, read in one pass: it comes with nearly every reply, and the serializer reads a value
    /// inside a larger document twice (once to find its end). Its <c>cost</c> is rarer and goes to the
    /// serializer; a count sent as <see langword="null"/> reads as absent.
    /// </summary>
    private static ChatUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"usage must be an object, not {reader.TokenType}.");
        }

        var usage = new ChatUsage();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8))
            {
                usage.PromptTokens = Count(ref reader) ?? 0;
            }
            else if (reader.ValueTextEquals("completion_tokens"u8))
            {
                usage.CompletionTokens = Count(ref reader) ?? 0;
            }
            else if (reader.ValueTextEquals("total_tokens"u8))
            {
                usage.TotalTokens = Count(ref reader) ?? 0;
            }
            else if (reader.ValueTextEquals("citation_tokens"u8))
            {
                usage.CitationTokens = Count(ref reader);
            }
            else if (reader.ValueTextEquals("num_search_queries"u8))
            {
                usage.NumSearchQueries = Count(ref reader);
            }
            else if (reader.ValueTextEquals("reasoning_tokens"u8))
            {
                usage.ReasoningTokens = Count(ref reader);
            }
            else if (reader.ValueTextEquals("search_context_size"u8))
            {
                reader.Read();
                usage.SearchContextSize = Wire.Known.Read(ref reader, typeof(string), Wire.Options);
            }
            else if (reader.ValueTextEquals("cost"u8))
            {
                usage.Cost = Value(ref reader, PerplexityJsonContext.Default.UsageCost);
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                (usage.AdditionalProperties ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
            }
        }

        return usage;
    }

    private static int? Count(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var count) => count,
            _ => Wire.Int64.Read(ref reader, typeof(long?), Wire.Options) is long read and >= int.MinValue and <= int.MaxValue ? (int)read : null,
        };
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

        if (reader.TokenType != JsonTokenType.String)
        {
            return Wire.Text.Read(ref reader, typeof(string), Wire.Options);
        }

        return previous is not null && reader.ValueTextEquals(previous) ? previous : reader.GetString();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new JsonException($"A Perplexity reply must be a JSON object, not {reader.TokenType}.");
        }
    }
}
