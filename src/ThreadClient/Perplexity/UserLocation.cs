using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity;

/// <summary>Where the user is, to localise search results (<c>web_search_options.user_location</c>).</summary>
public sealed class UserLocation
{
    /// <summary>Latitude in degrees.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; set; }

    /// <summary>Longitude in degrees.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; set; }

    /// <summary>Two-letter ISO country code.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>Region or state.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>City.</summary>
    [JsonPropertyName("city")]
    public string? City { get; set; }

    /// <summary>Fields this SDK does not model; written as they are.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
