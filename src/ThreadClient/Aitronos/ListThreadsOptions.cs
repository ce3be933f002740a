namespace ThreadClient.Aitronos;

/// <summary>Paging and filtering of <c>GET /v1/threads</c>.</summary>
public sealed class ListThreadsOptions : ListOptions
{
    /// <summary><see langword="false"/> lists the hidden threads (created with <c>store: false</c>); unset or <see langword="true"/> lists the visible ones.</summary>
    public bool? VisibleInUi { get; set; }
}
