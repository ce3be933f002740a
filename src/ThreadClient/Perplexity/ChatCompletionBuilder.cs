using System.Buffers;
using System.Text;
using System.Text.Json;
using ThreadClient.Serialization;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity;

/// <summary>
/// Folds the chunks of a streamed completion into the final <see cref="ChatCompletion"/>, the way the
/// service would have answered without streaming.
/// </summary>
/// <remarks>
/// Text is built from <c>delta</c>s only; the aggregated <c>message</c> that full-mode chunks also
/// carry is used only when a stream sends no deltas at all, so text is never appended twice. Metadata
/// (thread id, citations, search results, usage, related questions, images) is taken from whichever
/// chunk carries it, the latest non-null value winning.
/// </remarks>
public sealed class ChatCompletionBuilder : IReplyFold<ChatCompletionChunk, ChatCompletion>
{
    private const int StackTextLimit = 256;

    // A stream the SDK folds itself is read through the reply table with one field read differently:
    // the choices go straight into the choice states (their text copied from the UTF-8 bytes, the
    // full-mode message skipped whenever a delta carries the text), so that an event allocates nothing
    // of its own and memory stays linear in the reply's length.
    private static readonly JsonFields<FoldedChunk> FoldTable =
        ChatCompletionBase.Fields(static () => new FoldedChunk()).With("choices", static (ref reader, chunk) => chunk.Builder!.FoldChoices(ref reader));

    private readonly List<ChoiceState> _choices = [];
    private readonly ChatCompletion _result = new() { ObjectType = "chat.completion" };
    private FoldedChunk? _event;

    /// <summary>The thread id seen so far (the latest non-null one).</summary>
    public string? ThreadId => _result.ThreadId;

    /// <summary>How many chunks were appended.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>The id, model, usage and thread seen so far (for telemetry; the choices are in <see cref="Build"/>).</summary>
    internal ChatCompletionBase Metadata => _result;

    /// <summary>The first choice's finish reason so far.</summary>
    internal string? FinishReason => _choices.Count == 0 ? null : _choices[0].FinishReason;

    /// <summary>Adds one chunk.</summary>
    /// <param name="chunk">The next chunk of the stream.</param>
    public void Append(ChatCompletionChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        AppendMetadata(chunk);
        var choices = chunk.Choices;
        for (var i = 0; i < choices.Count; i++)
        {
            Choice(choices[i].Index).Append(choices[i]);
        }
    }

    /// <summary>Folds one stream event as its JSON came, without a chunk object of its own.</summary>
    /// <exception cref="JsonException">The event is not a chunk the API defines.</exception>
    internal void AppendEvent(ReadOnlySpan<byte> json)
    {
        var chunk = _event ??= new FoldedChunk { Builder = this };
        FoldTable.ParseAgain(json, chunk);
        AppendMetadata(chunk);
    }

    /// <summary>Counts one chunk and takes its fields other than the choices.</summary>
    private void AppendMetadata(ChatCompletionBase chunk)
    {
        ChunkCount++;
        _result.CopyResponseFrom(chunk);
        _result.Id ??= chunk.Id;
        _result.Created ??= chunk.Created;
        _result.Model ??= chunk.Model;
        _result.ThreadId = chunk.ThreadId ?? _result.ThreadId;
        _result.Usage = chunk.Usage ?? _result.Usage;
        _result.Citations = chunk.Citations ?? _result.Citations;
        _result.SearchResults = chunk.SearchResults ?? _result.SearchResults;
        _result.RelatedQuestions = chunk.RelatedQuestions ?? _result.RelatedQuestions;
        _result.Images = chunk.Images ?? _result.Images;
        _result.AgentResponse = chunk.AgentResponse ?? _result.AgentResponse;
        if (chunk.AdditionalProperties is { Count: > 0 } extra)
        {
            _result.AdditionalProperties ??= new Dictionary<string, JsonElement>();
            foreach (var pair in extra)
            {
                _result.AdditionalProperties[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>The text of the first choice so far, for an exception raised mid-stream.</summary>
    internal string PartialText() => _choices.Count == 0 ? "" : _choices[0].Text;

    /// <summary>Builds the completion from everything appended so far.</summary>
    /// <returns>A new completion; the builder can go on appending.</returns>
    public ChatCompletion Build()
    {
        var completion = new ChatCompletion
        {
            Id = _result.Id,
            ObjectType = _result.ObjectType,
            Created = _result.Created,
            Model = _result.Model,
            ThreadId = _result.ThreadId,
            Usage = _result.Usage,
            Citations = _result.Citations,
            SearchResults = _result.SearchResults,
            RelatedQuestions = _result.RelatedQuestions,
            Images = _result.Images,
            AgentResponse = _result.AgentResponse,
            AdditionalProperties = _result.AdditionalProperties is null ? null : new Dictionary<string, JsonElement>(_result.AdditionalProperties),
        };
        completion.CopyResponseFrom(_result);
        foreach (var choice in _choices)
        {
            completion.Choices.Add(choice.Build());
        }

        return completion;
    }

    /// <summary>Folds an event's <c>choices</c> array, one choice at a time.</summary>
    private void FoldChoices(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"choices must be an array, not {reader.TokenType}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            var index = 0;
            var indexSeen = false;
            string? finishReason = null;
            var hasDelta = false;

            // The index usually comes before the delta; when it does not, the delta is folded at the
            // choice's end. The message is read only when the choice has no delta, known at its end.
            var laterDelta = default(Utf8JsonReader);
            var laterMessage = default(Utf8JsonReader);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("index"u8))
                {
                    reader.Read();
                    if (Wire.Int64.Read(ref reader, typeof(long?), Wire.Options) is long read and >= 0 and <= int.MaxValue)
                    {
                        (index, indexSeen) = ((int)read, true);
                    }
                }
                else if (reader.ValueTextEquals("delta"u8))
                {
                    reader.Read();
                    if (!(hasDelta = IsObject(reader.TokenType, "delta")))
                    {
                        continue;
                    }

                    if (indexSeen)
                    {
                        FoldDelta(ref reader, Choice(index));
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
                    if (IsObject(reader.TokenType, "message"))
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
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            var state = Choice(index);
            if (laterDelta.TokenType == JsonTokenType.StartObject)
            {
                FoldDelta(ref laterDelta, state);
            }
            else if (!hasDelta && laterMessage.TokenType == JsonTokenType.StartObject)
            {
                state.AppendMessage(ChatMessage.Reply.Read(ref laterMessage, typeof(ChatMessage), Wire.Options)!);
            }

            state.Finish(finishReason);
        }
    }

    /// <summary>Whether a choice's delta or message came as an object; null is none; anything else is malformed.</summary>
    private static bool IsObject(JsonTokenType token, string field) => token switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw new JsonException($"A choice's {field} must be an object, not {token}."),
    };

    /// <summary>Folds a delta: its role, and its text copied from the UTF-8 bytes without a string of its own.</summary>
    private static void FoldDelta(ref Utf8JsonReader reader, ChoiceState state)
    {
        state.AddRole("assistant");
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                state.AddRole(Wire.Known.Read(ref reader, typeof(string), Wire.Options) ?? "assistant");
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    AppendText(ref reader, state);
                }
                else if (reader.TokenType != JsonTokenType.Null && ChatContentConverter.Instance.Read(ref reader, typeof(ChatContent), Wire.Options) is { } parts)
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
    private static void AppendText(ref Utf8JsonReader reader, ChoiceState state)
    {
        // Unescaped, a UTF-8 value never has more UTF-16 chars than it has bytes.
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = length <= StackTextLimit ? stackalloc char[StackTextLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        state.AppendText(buffer[..reader.CopyString(buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>The state of the choice with this index, created on first sight.</summary>
    internal ChoiceState Choice(int index)
    {
        foreach (var state in _choices)
        {
            if (state.Index == index)
            {
                return state;
            }
        }

        var created = new ChoiceState(index);
        _choices.Add(created);
        return created;
    }

    /// <summary>The one chunk object a fold reads every event into, emptied after each.</summary>
    private sealed class FoldedChunk : ChatCompletionBase
    {
        public ChatCompletionBuilder? Builder { get; init; }
    }

    /// <summary>One choice being folded: its role, its text from the deltas (or its last whole message), its finish reason.</summary>
    internal sealed class ChoiceState(int index)
    {
        private StringBuilder? _deltas;
        private ChatContent? _lastMessage;
        private string? _role;
        private string? _finishReason;

        public int Index { get; } = index;

        /// <summary>The text so far.</summary>
        public string Text => _deltas?.ToString() ?? _lastMessage?.Text ?? "";

        public void Append(ChatChoice choice)
        {
            if (choice.Delta is { } delta)
            {
                AddRole(delta.Role);
                if (delta.Content?.Text is { } text)
                {
                    AppendText(text);
                }
            }

            if (choice.Message is { } message)
            {
                AppendMessage(message);
            }

            Finish(choice.FinishReason);
        }

        /// <summary>The role, kept from the first delta or message that has one.</summary>
        public void AddRole(string? role) => _role ??= role;

        /// <summary>A delta's text.</summary>
        public void AppendText(ReadOnlySpan<char> text) => (_deltas ??= new StringBuilder()).Append(text);

        /// <summary>A whole message, as chunks without a delta carry it: used only when no delta came.</summary>
        public void AppendMessage(ChatMessage message)
        {
            AddRole(message.Role);
            _lastMessage = message.Content ?? _lastMessage;
        }

        public string? FinishReason => _finishReason;

        public void Finish(string? finishReason) => _finishReason = finishReason ?? _finishReason;

        public ChatChoice Build()
        {
            ChatContent? content = _deltas is not null ? new ChatContent(_deltas.ToString()) : _lastMessage;
            return new ChatChoice
            {
                Index = Index,
                FinishReason = _finishReason,
                Message = new ChatMessage { Role = _role ?? "assistant", Content = content ?? new ChatContent("") },
            };
        }
    }
}
