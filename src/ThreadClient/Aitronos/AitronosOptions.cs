namespace ThreadClient.Aitronos;

/// <summary>Settings of the Aitronos (Freddy) provider.</summary>
public sealed class AitronosOptions
{
    /// <summary>The default base address, <c>https://api.aitronos.com</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.aitronos.com/");

    /// <summary>The environment variable read when neither <see cref="ApiKey"/> nor <see cref="BearerToken"/> is set.</summary>
    public const string ApiKeyEnvironmentVariable = "AITRONOS_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseAddress"/> is left at its default: <c>AITRONOS_BASE_URL</c>.</summary>
    public const string BaseAddressEnvironmentVariable = "AITRONOS_BASE_URL";

    /// <summary>The service's base address; requests go to <c>{BaseAddress}/v1/...</c>.</summary>
    /// <remarks>Left at its default, the <c>AITRONOS_BASE_URL</c> environment variable overrides it when set.</remarks>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The model sessions and chains use when their options name none. Default <c>gpt-4.1</c>, the seed's model.</summary>
    public string DefaultModel { get; set; } = "gpt-4.1";

    /// <summary>The header <see cref="ApiKey"/> goes in when no <see cref="BearerToken"/> is set, as the product document names it: <c>X-API-Key</c>.</summary>
    public const string DefaultApiKeyHeader = "X-API-Key";

    /// <summary>The API key, sent in <see cref="ApiKeyHeader"/>. When unset (and no token), <c>AITRONOS_API_KEY</c> is read.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A user token, sent as <c>Authorization: Bearer</c> instead of the API key when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// The header the API key is sent in: <see cref="DefaultApiKeyHeader"/> (<c>X-API-Key</c>, the product
    /// document's), or <c>Api-Key</c> for the deployed Freddy API at <c>freddy-api.aitronos.ch</c>. Chosen by
    /// configuration, never guessed per request; a header name of letters, digits and dashes.
    /// </summary>
    public string ApiKeyHeader { get; set; } = DefaultApiKeyHeader;

    /// <summary>Which field a response request names its thread in: <c>thread</c> (the product document's, the default) or <c>thread_id</c> (the deployed Freddy API).</summary>
    public AitronosThreadField ThreadField { get; set; } = AitronosThreadField.Thread;

    /// <summary>How compound request field names are spelled; the product document's by default.</summary>
    public AitronosFieldNaming FieldNaming { get; set; } = AitronosFieldNaming.CamelCase;

    /// <summary>The metadata limits checked before sending.</summary>
    public AitronosMetadataLimits MetadataLimits { get; set; } = new();
}
