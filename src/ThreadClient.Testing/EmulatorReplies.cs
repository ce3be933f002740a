using System.Text.RegularExpressions;

namespace ThreadClient.Testing;

/// <summary>
/// The emulator's deterministic replies: <c>Echo: {last user text} [earlier: {t1} | {t2}]</c>, where
/// the bracket lists the earlier user turns the server saw in that thread or chain (or in the
/// request's own messages, for a stateless call). So a test can check what context survived.
/// </summary>
public static partial class EmulatorReplies
{
    /// <summary>Builds a reply.</summary>
    /// <param name="text">The user's latest text.</param>
    /// <param name="earlier">The earlier user turns the server saw, oldest first.</param>
    /// <returns>The reply text.</returns>
    public static string Reply(string text, IEnumerable<string> earlier) => $"Echo: {text} [earlier: {string.Join(" | ", earlier)}]";

    /// <summary>The earlier user turns a reply says the server saw, oldest first.</summary>
    /// <param name="reply">A reply from the emulator.</param>
    /// <returns>The turns; empty for a first turn.</returns>
    /// <exception cref="FormatException">The text is not an emulator reply.</exception>
    public static IReadOnlyList<string> EarlierTurns(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var match = ReplyPattern().Match(reply);
        if (!match.Success)
        {
            throw new FormatException("Not an emulator reply: " + reply);
        }

        var earlier = match.Groups["earlier"].Value;
        return earlier.Length == 0 ? [] : earlier.Split(" | ");
    }

    /// <summary>The user text a reply echoes.</summary>
    /// <param name="reply">A reply from the emulator.</param>
    /// <returns>The echoed text.</returns>
    /// <exception cref="FormatException">The text is not an emulator reply.</exception>
    public static string Echoed(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var match = ReplyPattern().Match(reply);
        return match.Success ? match.Groups["text"].Value : throw new FormatException("Not an emulator reply: " + reply);
    }

    [GeneratedRegex(@"^Echo: (?<text>.*) \[earlier: (?<earlier>.*)\]$", RegexOptions.Singleline)]
    private static partial Regex ReplyPattern();
}
