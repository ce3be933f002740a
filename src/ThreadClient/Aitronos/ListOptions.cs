namespace ThreadClient.Aitronos;

/// <summary>Paging of a list call: <c>limit</c>, <c>order</c>, <c>after</c>, <c>before</c>.</summary>
public class ListOptions
{
    /// <summary>Items per page, 1 to 100; the service's default when unset.</summary>
    public int? Limit { get; set; }

    /// <summary><c>asc</c> or <c>desc</c>; the service's default when unset.</summary>
    public string? Order { get; set; }

    /// <summary>Start after this item id.</summary>
    public string? After { get; set; }

    /// <summary>End before this item id.</summary>
    public string? Before { get; set; }
}
