namespace ThreadClient.Sessions;

/// <summary>
/// A compaction that happened on a turn: the replay window stepped and the turns leaving it were
/// summarised (<see cref="SessionReply{TReply}.Compaction"/>).
/// </summary>
/// <param name="SummarizedTurns">How many turns the summary took in this time.</param>
/// <param name="Usage">What the summariser's request cost, when known.</param>
/// <param name="Error">
/// When the summariser failed: what it threw. The turns left the window without being summarised (as
/// they would with no summariser), the summary stayed as it was, and the turn itself succeeded.
/// </param>
public sealed record SessionCompaction(int SummarizedTurns, TurnUsage? Usage, Exception? Error = null)
{
    /// <summary>Whether the summary was updated.</summary>
    public bool Succeeded => Error is null;
}
