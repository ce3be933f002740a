using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// The one way the SDK reads a reply model off the wire, and writes it back: a table of the model's
/// fields, each a JSON name, a value kind (a tolerant converter from <see cref="Wire"/>, or another
/// model's table) and the property it fills. A maintainer adds a reply field with one line here and
/// the property itself. Reading is one pass of <see cref="Utf8JsonReader"/>: the field after the last
/// one matched is tried first (services write fields in a stable order), a field the table does not
/// know goes to the model's extension data as it came (or is skipped when the model keeps none), and
/// a value of the wrong JSON type (or <c>null</c>) reads as absent instead of failing the whole reply.
/// A property the service spells several ways (<c>thread_id</c>, <c>threadId</c>, a nested
/// <c>thread</c>) is one field with other spellings (<see cref="Or(string)"/>): the first spelling
/// present wins, whatever order they come in, and only the first is written.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal sealed class JsonFields<T>
    where T : class
{
    private readonly Func<T> _create;
    private readonly List<Field> _fields;
    private Func<T, IDictionary<string, JsonElement>?>? _getExtras;
    private Action<T, IDictionary<string, JsonElement>>? _setExtras;
    private int _slots;
    private bool _ranked;

    public JsonFields(Func<T> create)
    {
        _create = create;
        _fields = [];
    }

    private JsonFields(JsonFields<T> from, List<Field> fields)
    {
        _create = from._create;
        _fields = fields;
        _getExtras = from._getExtras;
        _setExtras = from._setExtras;
        _slots = from._slots;
        _ranked = from._ranked;
    }

    /// <summary>Reads one field's value straight into the model (for a reader that keeps what it needs, not the value).</summary>
    public delegate void FieldReader(ref Utf8JsonReader reader, T model);

    /// <summary>Adds a field.</summary>
    public JsonFields<T> Add<TValue>(string name, JsonConverter<TValue> kind, Func<T, TValue?> get, Action<T, TValue?> set)
    {
        _fields.Add(new Field<TValue>(name, _slots++, 0, kind, get, set));
        return this;
    }

    /// <summary>Another spelling of the last field added, of the same kind, read when no spelling before it came.</summary>
    public JsonFields<T> Or(string name)
    {
        _fields.Add(Primary().Alias(name, NextRank()));
        _ranked = true;
        return this;
    }

    /// <summary>Another spelling of the last field added, of another kind (a nested object, say), read when no spelling before it came.</summary>
    public JsonFields<T> Or<TValue>(string name, JsonConverter<TValue> kind, Action<T, TValue?> set)
    {
        var primary = Primary();
        _fields.Add(new Field<TValue>(name, primary.Slot, NextRank(), kind, static _ => default, set) { Writes = false });
        _ranked = true;
        return this;
    }

    /// <summary>
    /// The same table with one field read by <paramref name="read"/> instead (and never written): for a
    /// reader that folds a field into state of its own, such as a stream's text, where the model's own
    /// value would be built only to be thrown away.
    /// </summary>
    public JsonFields<T> With(string name, FieldReader read)
    {
        var fields = new List<Field>(_fields.Count);
        foreach (var field in _fields)
        {
            fields.Add(field.Spelling == name ? new ReaderField(field, read) : field);
        }

        return new JsonFields<T>(this, fields);
    }

    /// <summary>Keeps the fields the table does not name in the model's extension data.</summary>
    public JsonFields<T> Extras(Func<T, IDictionary<string, JsonElement>?> get, Action<T, IDictionary<string, JsonElement>> set)
    {
        _getExtras = get;
        _setExtras = set;
        return this;
    }

    /// <summary>Reads a whole JSON document holding one model.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its value is not an object.</exception>
    public T Parse(ReadOnlySpan<byte> json)
    {
        var model = _create();
        ParseInto(json, model);
        return model;
    }

    /// <summary>Reads a whole JSON document holding one model into <paramref name="model"/>.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its value is not an object.</exception>
    public void ParseInto(ReadOnlySpan<byte> json, T model)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, found {(json.IsEmpty ? "nothing" : reader.TokenType.ToString())}.");
        }

        ReadInto(ref reader, model);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {reader.TokenType} after the JSON object.");
        }
    }

    /// <summary>Empties <paramref name="model"/> (<see cref="Clear"/>) and reads a whole JSON document into it: the one object a fold reads every event of a stream into.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its value is not an object.</exception>
    public void ParseAgain(ReadOnlySpan<byte> json, T model)
    {
        Clear(model);
        ParseInto(json, model);
    }

    /// <summary>Reads the model the reader stands on: <see langword="null"/> for anything but an object (skipped).</summary>
    public T? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var model = _create();
        ReadInto(ref reader, model);
        return model;
    }

    /// <summary>Reads the object the reader stands on into <paramref name="model"/> (a model reused from one stream event to the next).</summary>
    public void ReadInto(ref Utf8JsonReader reader, T model)
    {
        // Which spelling of each property was read, when the table has more than one: the first listed wins.
        Span<byte> ranks = _ranked ? stackalloc byte[_slots] : default;
        ranks.Fill(byte.MaxValue);
        IDictionary<string, JsonElement>? extras = null;
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Find(ref reader, ref next);
            if (field is not null)
            {
                reader.Read();
                if (!_ranked)
                {
                    field.Read(ref reader, model);
                }
                else if (field.Rank > ranks[field.Slot])
                {
                    reader.Skip();
                }
                else if (field.Read(ref reader, model))
                {
                    ranks[field.Slot] = field.Rank;
                }
            }
            else if (_setExtras is null)
            {
                reader.Read();
                reader.Skip();
            }
            else
            {
                var name = reader.GetString()!;
                reader.Read();
                (extras ??= new Dictionary<string, JsonElement>())[name] = JsonElement.ParseValue(ref reader);
            }
        }

        if (extras is not null)
        {
            _setExtras!(model, extras);
        }
    }

    /// <summary>
    /// Empties every field the table reads (and the extension data), for one model object a stream's fold
    /// reads every event into: what the table names is what is cleared, so a new field needs no other line.
    /// A field read by a <see cref="With"/> reader is left alone: that reader keeps its value elsewhere, and
    /// the property is not read (emptying it could cost an allocation per event: a list property makes a
    /// new empty list). Value kinds are nullable (<see cref="Wire"/>'s are), so a cleared field reads as absent.
    /// </summary>
    public void Clear(T model)
    {
        foreach (var field in _fields)
        {
            field.Clear(model);
        }

        _setExtras?.Invoke(model, null!);
    }

    /// <summary>Writes the model: its set fields in table order, then its extension data.</summary>
    public void Write(Utf8JsonWriter writer, T model)
    {
        writer.WriteStartObject();
        foreach (var field in _fields)
        {
            field.Write(writer, model);
        }

        if (_getExtras?.Invoke(model) is { } extras)
        {
            foreach (var (name, value) in extras)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private Field Primary() =>
        _fields.Count > 0 && _fields[^1] is { } last
            ? _fields.Find(field => field.Slot == last.Slot && field.Rank == 0)!
            : throw new InvalidOperationException("Or names another spelling of the field added before it.");

    private byte NextRank() => (byte)(_fields.Where(field => field.Slot == _fields[^1].Slot).Max(static field => field.Rank) + 1);

    private Field? Find(ref Utf8JsonReader reader, ref int next)
    {
        var count = _fields.Count;
        for (var tried = 0; tried < count; tried++)
        {
            var index = next + tried;
            if (index >= count)
            {
                index -= count;
            }

            if (reader.ValueTextEquals(_fields[index].Name))
            {
                next = index + 1 == count ? 0 : index + 1;
                return _fields[index];
            }
        }

        return null;
    }

    /// <summary>One spelling of a property: its slot (the property), and its rank among the spellings (0 first).</summary>
    private abstract class Field(string name, int slot, byte rank)
    {
        public string Spelling { get; } = name;

        public byte[] Name { get; } = Encoding.UTF8.GetBytes(name);

        public int Slot { get; } = slot;

        public byte Rank { get; } = rank;

        /// <summary>Whether this spelling is the one written (the first).</summary>
        public bool Writes { get; init; } = rank == 0;

        protected JsonEncodedText Encoded { get; } = JsonEncodedText.Encode(name);

        /// <summary>Reads the value into the model; <see langword="false"/> when it was absent (null, or of the wrong kind) and nothing was set.</summary>
        public abstract bool Read(ref Utf8JsonReader reader, T model);

        public abstract void Write(Utf8JsonWriter writer, T model);

        /// <summary>Sets the property to its default (once per property: by its first spelling).</summary>
        public abstract void Clear(T model);

        public abstract Field Alias(string name, byte rank);
    }

    private sealed class Field<TValue>(string name, int slot, byte rank, JsonConverter<TValue> kind, Func<T, TValue?> get, Action<T, TValue?> set) : Field(name, slot, rank)
    {
        public override bool Read(ref Utf8JsonReader reader, T model)
        {
            if (reader.TokenType == JsonTokenType.Null && !kind.HandleNull)
            {
                return false;
            }

            if (kind.Read(ref reader, typeof(TValue), Wire.Options) is not { } value)
            {
                return false;
            }

            set(model, value);
            return true;
        }

        public override void Write(Utf8JsonWriter writer, T model)
        {
            if (Writes && get(model) is { } value)
            {
                writer.WritePropertyName(Encoded);
                kind.Write(writer, value, Wire.Options);
            }
        }

        public override void Clear(T model)
        {
            if (Rank == 0)
            {
                set(model, default);
            }
        }

        public override Field Alias(string name, byte rank) => new Field<TValue>(name, Slot, rank, kind, get, set) { Writes = false };
    }

    /// <summary>A field read by a reader of its own instead of its kind (which keeps the value: never written, never emptied).</summary>
    private sealed class ReaderField(Field replaced, FieldReader read) : Field(replaced.Spelling, replaced.Slot, replaced.Rank)
    {
        public override bool Read(ref Utf8JsonReader reader, T model)
        {
            read(ref reader, model);
            return true;
        }

        public override void Write(Utf8JsonWriter writer, T model)
        {
        }

        public override void Clear(T model)
        {
        }

        public override Field Alias(string name, byte rank) => new ReaderField(replaced.Alias(name, rank), read);
    }
}
