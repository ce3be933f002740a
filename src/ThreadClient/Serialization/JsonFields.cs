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
/// a value of the wrong JSON type reads as absent instead of failing the whole reply.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal sealed class JsonFields<T>
    where T : class
{
    private readonly Func<T> _create;
    private readonly List<Field> _fields = [];
    private Func<T, IDictionary<string, JsonElement>?>? _getExtras;
    private Action<T, IDictionary<string, JsonElement>>? _setExtras;

    public JsonFields(Func<T> create) => _create = create;

    /// <summary>Adds a field.</summary>
    public JsonFields<T> Add<TValue>(string name, JsonConverter<TValue> kind, Func<T, TValue?> get, Action<T, TValue?> set)
    {
        _fields.Add(new Field<TValue>(name, kind, get, set));
        return this;
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
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, found {(json.IsEmpty ? "nothing" : reader.TokenType.ToString())}.");
        }

        var model = Read(ref reader)!;
        if (reader.Read())
        {
            throw new JsonException($"Unexpected {reader.TokenType} after the JSON object.");
        }

        return model;
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
        IDictionary<string, JsonElement>? extras = null;
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Find(ref reader, ref next);
            if (field is not null)
            {
                reader.Read();
                field.Read(ref reader, model);
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

        return model;
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

    private abstract class Field(string name)
    {
        public byte[] Name { get; } = Encoding.UTF8.GetBytes(name);

        protected JsonEncodedText Encoded { get; } = JsonEncodedText.Encode(name);

        public abstract void Read(ref Utf8JsonReader reader, T model);

        public abstract void Write(Utf8JsonWriter writer, T model);
    }

    private sealed class Field<TValue>(string name, JsonConverter<TValue> kind, Func<T, TValue?> get, Action<T, TValue?> set) : Field(name)
    {
        public override void Read(ref Utf8JsonReader reader, T model) =>
            set(model, reader.TokenType == JsonTokenType.Null && !kind.HandleNull ? default : kind.Read(ref reader, typeof(TValue), Wire.Options));

        public override void Write(Utf8JsonWriter writer, T model)
        {
            if (get(model) is { } value)
            {
                writer.WritePropertyName(Encoded);
                kind.Write(writer, value, Wire.Options);
            }
        }
    }
}
