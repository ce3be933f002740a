using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// The text of one field of the event a fold is reading (a stream's delta), copied from the UTF-8
/// bytes into a buffer reused from event to event instead of a string per event. Any other token is
/// read by the field's own tolerant kind, so the fold reads what the event's table would.
/// </summary>
internal sealed class FieldText
{
    private char[] _chars = [];

    /// <summary>Whether the field came with a value in the event last read.</summary>
    public bool HasValue { get; private set; }

    /// <summary>The text read (empty when none).</summary>
    public ReadOnlySpan<char> Span => HasValue ? _chars.AsSpan(0, Length) : default;

    private int Length { get; set; }

    /// <summary>Forgets the last event's value (before the next event is read).</summary>
    public void Clear() => (HasValue, Length) = (false, 0);

    /// <summary>Reads the value the reader stands on.</summary>
    public void Read(ref Utf8JsonReader reader, JsonConverter<string?> kind)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // Unescaped, a UTF-8 value never has more UTF-16 chars than it has bytes.
            Ensure(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
            (HasValue, Length) = (true, reader.CopyString(_chars));
        }
        else if (kind.Read(ref reader, typeof(string), Wire.Options) is { } text)
        {
            Ensure(text.Length);
            text.CopyTo(_chars);
            (HasValue, Length) = (true, text.Length);
        }
    }

    private void Ensure(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, Math.Max(64, _chars.Length * 2))];
        }
    }
}
