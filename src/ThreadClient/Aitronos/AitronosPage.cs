using System.Text.Json;
using System.Text.Json.Serialization;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>One page of a list (<c>data</c> or <c>items</c>, <c>first_id</c>, <c>last_id</c>, <c>has_more</c>, in either casing; or a bare array).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class AitronosPage<T> : ThreadsResult
{
    // Built on first use: every caller passes the same item kind for a T.
    private static JsonFields<AitronosPage<T>>? s_table;
    private IReadOnlyList<T> _data = [];

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Data
    {
        get => _data;
        set => _data = value ?? [];
    }

    /// <summary>The id of the first item, for a <c>before</c> cursor.</summary>
    public string? FirstId { get; set; }

    /// <summary>The id of the last item, for an <c>after</c> cursor.</summary>
    public string? LastId { get; set; }

    /// <summary>Whether more items follow.</summary>
    public bool HasMore { get; set; }

    /// <summary>Reads a page whose items are read by <paramref name="items"/>: an object with the list in it, or the list itself.</summary>
    /// <exception cref="JsonException">The body is not JSON, or neither an object nor an array.</exception>
    internal static AitronosPage<T> Parse(ReadOnlySpan<byte> body, JsonConverter<IList<T>?> items)
    {
        var reader = new Utf8JsonReader(body);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            var page = new AitronosPage<T> { Data = AsReadOnly(items.Read(ref reader, typeof(IList<T>), Wire.Options)) };
            return reader.Read() ? throw new JsonException($"Unexpected {reader.TokenType} after the JSON array.") : page;
        }

        s_table ??= new JsonFields<AitronosPage<T>>(static () => new())
            .Add("data", items, static x => x.Data as IList<T> ?? [.. x.Data], static (x, v) => x.Data = AsReadOnly(v)).Or("items")
            .Add("first_id", Wire.Text, static x => x.FirstId, static (x, v) => x.FirstId = v).Or("firstId")
            .Add("last_id", Wire.Text, static x => x.LastId, static (x, v) => x.LastId = v).Or("lastId")
            .Add("has_more", Wire.Boolean, static x => x.HasMore, static (x, v) => x.HasMore = v ?? false).Or("hasMore");
        return s_table.Parse(body);
    }

    private static IReadOnlyList<T> AsReadOnly(IList<T>? items) => items as IReadOnlyList<T> ?? [.. items ?? []];
}
