namespace ThreadClient.Tests;

/// <summary>The base address rules: https, http only on loopback, and the environment variable when the option is left at its default.</summary>
public sealed class BaseAddressTests
{
    private static readonly Uri Default = new("https://api.perplexity.ai/");

    private static Uri Effective(Uri configured, string? environment) =>
        ThreadsClientOptions.EffectiveBaseAddress(configured, Default, "PERPLEXITY_BASE_URL", "ThreadsClientOptions.Perplexity.BaseAddress", name => name == "PERPLEXITY_BASE_URL" ? environment : null);

    [Fact]
    public void The_environment_variable_replaces_only_a_default_address()
    {
        Assert.Equal(new Uri("http://127.0.0.1:5080/"), Effective(Default, "http://127.0.0.1:5080/"));
        Assert.Equal(new Uri("https://proxy.example/"), Effective(new Uri("https://proxy.example/"), "http://127.0.0.1:5080/"));
        Assert.Equal(Default, Effective(Default, null));
    }

    [Theory]
    [InlineData("http://api.example.com/", "must use https")]
    [InlineData("not a url", "must be an absolute https address")]
    public void A_bad_environment_address_is_refused_naming_the_variable(string value, string rule)
    {
        var ex = Assert.Throws<ArgumentException>(() => Effective(Default, value));

        Assert.Contains("(from PERPLEXITY_BASE_URL)", ex.Message, StringComparison.Ordinal);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]:9000/")]
    public void Plain_http_is_allowed_on_loopback(string address)
    {
        using var client = new ThreadsClient(new ThreadsClientOptions { Aitronos = { ApiKey = "k", BaseAddress = new Uri(address) } });
    }

    [Fact]
    public void Plain_http_elsewhere_is_refused_naming_the_setting()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ThreadsClient(new ThreadsClientOptions { Aitronos = { BaseAddress = new Uri("http://api.aitronos.com/") } }));

        Assert.Equal("ThreadsClientOptions.Aitronos.BaseAddress", ex.ParamName);
        Assert.Contains("must use https", ex.Message, StringComparison.Ordinal);
    }
}
