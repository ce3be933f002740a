using System.Text;

namespace ThreadClient.Http;

/// <summary>The reply text a stream has delivered so far, kept so that a broken stream can report it.</summary>
internal sealed class ReceivedText
{
    private StringBuilder? _text;

    public void Append(string? delta)
    {
        if (!string.IsNullOrEmpty(delta))
        {
            (_text ??= new StringBuilder()).Append(delta);
        }
    }

    public override string ToString() => _text?.ToString() ?? "";
}
