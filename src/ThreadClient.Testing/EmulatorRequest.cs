namespace ThreadClient.Testing;

/// <summary>A request the emulator received, for assertions. Credentials are not kept.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="Query">The query string, with its leading <c>?</c>, or empty.</param>
/// <param name="Body">The body as text.</param>
/// <param name="ReceivedAt">When it arrived, by the emulator's clock.</param>
public sealed record EmulatorRequest(string Method, string Path, string Query, string Body, DateTimeOffset ReceivedAt);
