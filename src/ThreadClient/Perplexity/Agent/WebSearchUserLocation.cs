using System.Text.Json.Serialization;

namespace ThreadClient.Perplexity.Agent;

/// <summary>Where the user is, for a <see cref="WebSearchTool"/>.</summary>
public sealed class WebSearchUserLocation
{
    /// <summary>The city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; set; }

    /// <summary>The region or state.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The country, as a two-letter code.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; set; }

    /// <summary>The latitude.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; set; }

    /// <summary>The longitude.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; set; }
}
