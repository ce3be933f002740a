namespace ThreadClient.Http;

/// <summary>
/// The reply text a stream has delivered so far, kept so that a broken stream can report it. It
/// holds the delta strings the chunks already carry and joins them only when asked, so a stream that
/// ends well pays a reference per delta, not a second copy of the text.
/// </summary>
internal sealed class ReceivedText
{
    private List<string>? _deltas;

    public void Append(string? delta)
    {
        if (!string.IsNullOrEmpty(delta))
        {
            (_deltas ??= []).Add(delta);
        }
    }

    public override string ToString() => _deltas is null ? "" : string.Concat(_deltas);
}
