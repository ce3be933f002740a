namespace ThreadClient.Tests.Infrastructure;

public static class TestKeys
{
    // Distinctive, so a test can prove it never leaks into a message or a log.
    public const string Perplexity = "pplx-TESTKEY-0123456789abcdef";

    public const string Aitronos = "freddy-TESTKEY-fedcba9876543210";
}
