using System.Text.Json;
using ThreadClient.Serialization;

namespace ThreadClient.Aitronos;

/// <summary>One page of a list (<c>data</c>, <c>first_id</c>, <c>last_id</c>, <c>has_more</c>, in either casing).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class AitronosPage<T> : ThreadsResult
{
    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Data { get; set; } = [];

    /// <summary>The id of the first item, for a <c>before</c> cursor.</summary>
    public string? FirstId { get; set; }

    /// <summary>The id of the last item, for an <c>after</c> cursor.</summary>
    public string? LastId { get; set; }

    /// <summary>Whether more items follow.</summary>
    public bool HasMore { get; set; }

    internal static AitronosPage<T> Read(JsonElement json, Func<JsonElement, T> readItem)
    {
        var items = new List<T>();
        var array = json.ValueKind == JsonValueKind.Array ? json
            : JsonRead.TryGet(json, "data", "items", out var data) && data.ValueKind == JsonValueKind.Array ? data
            : default;
        if (array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(readItem(item));
            }
        }

        return new AitronosPage<T>
        {
            Data = items,
            FirstId = JsonRead.String(json, "first_id", "firstId"),
            LastId = JsonRead.String(json, "last_id", "lastId"),
            HasMore = JsonRead.Boolean(json, "has_more", "hasMore") ?? false,
        };
    }
}
