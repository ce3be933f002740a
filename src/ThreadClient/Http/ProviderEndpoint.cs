namespace ThreadClient.Http;

/// <summary>Where one provider lives and how to authenticate to it. The secret never leaves this type except as a header value.</summary>
internal sealed class ProviderEndpoint
{
    private readonly string? _secret;
    private readonly string? _headerValue;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _constants = new(StringComparer.Ordinal);

    public ProviderEndpoint(string provider, Uri baseAddress, string authHeaderName, string? secret, bool bearer, string missingKeyHint)
    {
        Provider = provider;
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        AuthHeaderName = authHeaderName;
        _secret = string.IsNullOrWhiteSpace(secret) ? null : secret;
        _headerValue = _secret is null ? null : bearer ? "Bearer " + _secret : _secret;
        Bearer = bearer;
        MissingKeyHint = missingKeyHint;
    }

    public string Provider { get; }

    public Uri BaseAddress { get; }

    public string AuthHeaderName { get; }

    public bool Bearer { get; }

    public string MissingKeyHint { get; }

    public Uri Resolve(string relativePath) => new(BaseAddress, relativePath);

    /// <summary>Resolves a path that never changes (no ids in it) once, then reuses the URI.</summary>
    public Uri ResolveConstant(string relativePath) => _constants.GetOrAdd(relativePath, static (path, baseAddress) => new Uri(baseAddress, path), BaseAddress);

    public void Authenticate(HttpRequestMessage request)
    {
        if (_secret is null)
        {
            throw new ThreadsConfigurationException(Provider, $"No API key is configured for {Provider}: {MissingKeyHint}");
        }

        request.Headers.TryAddWithoutValidation(AuthHeaderName, _headerValue);
    }

    /// <summary>Removes the secret from text that came back from the service, in case it echoed the key.</summary>
    public string? Redact(string? text) =>
        text is null || _secret is null ? text : text.Replace(_secret, "[REDACTED]", StringComparison.Ordinal);
}
