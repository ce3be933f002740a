using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Serialization;

/// <summary>
/// The value kinds of <see cref="JsonFields{T}"/> tables, each tolerant of the drift WIRE.md allows:
/// text that may come as a number, counts written <c>45.0</c> or as strings, numbers as strings,
/// vocabulary strings shared instead of allocated, lists and maps of any kind.
/// </summary>
internal static class Wire
{
    /// <summary>The options handed to the kinds (which read nothing from them).</summary>
    public static readonly JsonSerializerOptions Options = new();

    /// <summary>How request bodies are written: non-ASCII text as UTF-8, not <c>\uXXXX</c> (a body is JSON over HTTP, never HTML, so the HTML-safe escapes buy nothing).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Text; a number or a boolean reads as its JSON text.</summary>
    public static readonly JsonConverter<string?> Text = new LenientStringConverter();

    /// <summary>Text from a small vocabulary (statuses, roles, types), shared instead of allocated.</summary>
    public static readonly JsonConverter<string?> Known = new KnownStringConverter();

    /// <summary>A whole number: an integer, <c>45.0</c>, or digits in a string.</summary>
    public static readonly JsonConverter<long?> Int64 = new LenientInt64Converter();

    /// <summary>A number, or one in a string.</summary>
    public static readonly JsonConverter<double?> Double = new LenientDoubleConverter();

    /// <summary><c>true</c> or <c>false</c>, bare or in a string.</summary>
    public static readonly JsonConverter<bool?> Boolean = new LenientBooleanConverter();

    /// <summary>A timestamp: ISO 8601 text, or unix seconds (milliseconds when too large for seconds).</summary>
    public static readonly JsonConverter<DateTimeOffset?> Time = new LenientTimeConverter();

    /// <summary>A value whose shape varies, kept as its JSON.</summary>
    public static readonly JsonConverter<JsonElement?> Element = new ElementConverter();

    /// <summary>A list of text values.</summary>
    public static readonly JsonConverter<IList<string>?> Strings = new ListConverter<string>(Text!);

    /// <summary>Reads a whole JSON document holding one model.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its value is not an object.</exception>
    public static TModel Parse<TModel>(ReadOnlySpan<byte> json)
        where TModel : class, IWireModel<TModel> => TModel.Fields.Parse(json);

    /// <summary>A field that gives the reply its shape: <paramref name="kind"/>'s value, <c>null</c>, or a <see cref="JsonException"/> naming <paramref name="field"/>.</summary>
    public static JsonConverter<TValue> Shaped<TValue>(JsonConverter<TValue> kind, JsonTokenType shape, string field) => new ShapedConverter<TValue>(kind, shape, field);

    /// <summary>A nested model.</summary>
    public static JsonConverter<TModel> Model<TModel>()
        where TModel : class, IWireModel<TModel> => WireModelConverter<TModel>.Instance;

    /// <summary>A list of nested models.</summary>
    public static JsonConverter<IList<TModel>?> ListOf<TModel>()
        where TModel : class, IWireModel<TModel> => Kinds<TModel>.List;

    /// <summary>An object whose values are nested models, keyed by name.</summary>
    public static JsonConverter<IDictionary<string, TModel>?> MapOf<TModel>()
        where TModel : class, IWireModel<TModel> => Kinds<TModel>.Map;

    private static class Kinds<TModel>
        where TModel : class, IWireModel<TModel>
    {
        public static readonly ListConverter<TModel> List = new(WireModelConverter<TModel>.Instance);

        public static readonly MapConverter<TModel> Map = new(WireModelConverter<TModel>.Instance);
    }
}
