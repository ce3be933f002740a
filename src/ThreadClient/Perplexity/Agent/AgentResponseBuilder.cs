using System.Text;
using System.Text.Json;
using ThreadClient.Serialization;
using ThreadClient.Sessions;

namespace ThreadClient.Perplexity.Agent;

/// <summary>
/// Folds the events of a streamed Agent API response into the response the non-streaming call
/// returns. The text of each content part is its deltas, or, when the part's
/// <c>response.output_text.done</c> (or the finished item, or <c>response.completed</c>) says what the
/// whole text is, that: text is never doubled, and text whose deltas were missed is recovered from
/// the terminal events. Only one copy of the text is held, so memory grows with the answer, not with
/// the number of events.
/// </summary>
public sealed class AgentResponseBuilder : IReplyFold<AgentStreamEvent, AgentResponse>
{
    // A stream the SDK folds itself is read through the event table with one field read differently:
    // every event goes into one event object of the builder's own (emptied by the table before each),
    // and a delta's text is copied from the UTF-8 bytes into a buffer of the builder's, so that an
    // event allocates nothing of its own.
    private static readonly JsonFields<AgentStreamEvent> FoldTable =
        AgentStreamEvent.WireFields.With("delta", static (ref reader, item) => item.Fold!._delta.Read(ref reader, Wire.Text));

    private readonly SortedDictionary<long, AgentOutputItem> _items = [];
    private readonly SortedDictionary<(long Item, long Part), PartText> _texts = [];
    private readonly FieldText _delta = new();
    private AgentResponse? _response;
    private long _lastItem;
    private (long Item, long Part) _lastKey;
    private PartText? _last;
    private AgentStreamEvent? _event;

    /// <summary>Whether <c>response.completed</c> has been seen.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>How many events were folded.</summary>
    public int EventCount { get; private set; }

    /// <summary>The response id, once an event has carried it.</summary>
    public string? ResponseId => _response?.Id;

    /// <summary>The latest response an event carried (<c>response.created</c>, then <c>response.completed</c>), for telemetry.</summary>
    internal AgentResponse? Response => _response;

    /// <summary>Adds one event.</summary>
    /// <param name="item">The event.</param>
    public void Append(AgentStreamEvent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        EventCount++;
        switch (item.Kind)
        {
            case AgentStreamEventKind.Created or AgentStreamEventKind.InProgress or AgentStreamEventKind.Completed:
                if (item.Response is { } response)
                {
                    _response = response;
                }

                IsCompleted |= item.Kind == AgentStreamEventKind.Completed;
                break;
            case AgentStreamEventKind.OutputItemAdded or AgentStreamEventKind.OutputItemDone when item.Item is { } added:
                _lastItem = item.OutputIndex ?? _lastItem;
                _items[_lastItem] = added;
                if (item.Kind == AgentStreamEventKind.OutputItemDone && added is AgentOutputMessage { Content: { } parts })
                {
                    for (var i = 0; i < parts.Count; i++)
                    {
                        if (parts[i].Text is { } whole)
                        {
                            Part(_lastItem, i).Whole = whole;
                        }
                    }
                }

                break;
            case AgentStreamEventKind.OutputTextDelta when ReferenceEquals(item, _event):
                if (!_delta.Span.IsEmpty)
                {
                    Part(item.OutputIndex ?? _lastItem, item.ContentIndex ?? 0).Deltas.Append(_delta.Span);
                }

                break;
            case AgentStreamEventKind.OutputTextDelta when !string.IsNullOrEmpty(item.Delta):
                Part(item.OutputIndex ?? _lastItem, item.ContentIndex ?? 0).Deltas.Append(item.Delta);
                break;
            case AgentStreamEventKind.OutputTextDone when item.Text is not null:
                Part(item.OutputIndex ?? _lastItem, item.ContentIndex ?? 0).Whole = item.Text;
                break;
        }
    }

    /// <summary>Reads one event of the SDK's own stream into the builder's one event object (its delta kept by the builder), for <see cref="Append"/>.</summary>
    /// <exception cref="JsonException">The event is not a JSON object.</exception>
    internal AgentStreamEvent ReadEvent(ReadOnlySpan<byte> json)
    {
        var item = _event ??= new AgentStreamEvent { Fold = this };
        _delta.Clear();
        FoldTable.ParseAgain(json, item);
        return item;
    }

    /// <summary>The answer text received so far (what a failed stream reports as its partial text).</summary>
    /// <returns>The text.</returns>
    public string PartialText()
    {
        var text = new StringBuilder();
        foreach (var part in _texts.Values)
        {
            part.AppendTo(text);
        }

        return text.ToString();
    }

    /// <summary>The response: <c>response.completed</c>'s, with every message's text as streamed when the completed response left it out.</summary>
    /// <returns>A new response (the events' own responses and items are left as they came); the builder can go on appending.</returns>
    public AgentResponse Build()
    {
        var response = _response?.Copy() ?? new AgentResponse { Status = IsCompleted ? AgentResponseStatus.Completed : null };
        if (response.Output.Count == 0 && _items.Count > 0)
        {
            response.Output = [.. _items.Values];
        }

        // Text streamed for parts the response does not carry (or carries empty) goes into its message
        // items: copies of them, made once per build.
        List<AgentOutputMessage>? copied = null;
        foreach (var ((itemIndex, partIndex), part) in _texts)
        {
            var message = MessageAt(response, itemIndex, ref copied);
            message.Content ??= [];
            while (message.Content.Count <= partIndex)
            {
                message.Content.Add(new AgentOutputContent { Type = "output_text", Text = "" });
            }

            var content = message.Content[(int)partIndex];
            if (string.IsNullOrEmpty(content.Text))
            {
                content.Text = part.ToString();
            }
        }

        return response;
    }

    /// <summary>The message item the text of item <paramref name="index"/> goes into, as this build's own copy.</summary>
    private static AgentOutputMessage MessageAt(AgentResponse response, long index, ref List<AgentOutputMessage>? copied)
    {
        var position = index < response.Output.Count && response.Output[(int)index] is AgentOutputMessage
            ? (int)index
            : IndexOfFirstMessage(response.Output);

        // A message the response does not list (a completed event without output): the first message, or a new one.
        if (position < 0)
        {
            var created = new AgentOutputMessage { Role = AgentRole.Assistant, Status = AgentResponseStatus.Completed };
            response.Output.Add(created);
            (copied ??= []).Add(created);
            return created;
        }

        var message = (AgentOutputMessage)response.Output[position];
        if (copied?.Contains(message) != true)
        {
            message = message.Copy();
            response.Output[position] = message;
            (copied ??= []).Add(message);
        }

        return message;
    }

    private static int IndexOfFirstMessage(IList<AgentOutputItem> output)
    {
        for (var i = 0; i < output.Count; i++)
        {
            if (output[i] is AgentOutputMessage)
            {
                return i;
            }
        }

        return -1;
    }

    private PartText Part(long item, long part)
    {
        // Deltas come in runs for one part: the last part is found without a lookup.
        if (_last is { } last && _lastKey == (item, part))
        {
            return last;
        }

        if (!_texts.TryGetValue((item, part), out var text))
        {
            text = new PartText();
            _texts[(item, part)] = text;
        }

        (_lastKey, _last) = ((item, part), text);
        return text;
    }

    /// <summary>One content part's text: the deltas, until a terminal event says what the whole text is.</summary>
    private sealed class PartText
    {
        private string? _whole;
        private StringBuilder? _deltas;

        public StringBuilder Deltas => _deltas ??= new StringBuilder();

        public string? Whole
        {
            get => _whole;
            set
            {
                _whole = value;
                _deltas = null;
            }
        }

        public void AppendTo(StringBuilder text)
        {
            if (_whole is not null)
            {
                text.Append(_whole);
            }
            else if (_deltas is not null)
            {
                text.Append(_deltas);
            }
        }

        public override string ToString() => _whole ?? _deltas?.ToString() ?? "";
    }
}
