using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ThreadClient.Sessions;

/// <summary>
/// One turn gate per conversation key and store in this process: two sessions opened on the same key
/// (two <c>GetOrStart...Async</c> calls) take turns, and each turn starts from what the previous one
/// stored, so their first turns cannot start two threads of which the store keeps one. A gate lives as
/// long as a session holds it; the table keeps only weak references and sweeps the dead ones as it grows.
/// Across processes the store's last write wins, as documented.
/// </summary>
internal static class KeyedTurnGates
{
    private static readonly ConditionalWeakTable<IThreadSessionStore, Gates> ByStore = [];

    public static TurnGate For(SessionBinding binding) => ByStore.GetValue(binding.Store, static _ => new Gates()).For(binding.Key);

    private sealed class Gates
    {
        private readonly ConcurrentDictionary<string, WeakReference<TurnGate>> _byKey = new(StringComparer.Ordinal);
        private int _sweepAt = 1024;

        public TurnGate For(string key)
        {
            while (true)
            {
                if (_byKey.TryGetValue(key, out var weak))
                {
                    if (weak.TryGetTarget(out var live))
                    {
                        return live;
                    }

                    var fresh = new TurnGate();
                    if (_byKey.TryUpdate(key, new WeakReference<TurnGate>(fresh), weak))
                    {
                        return fresh;
                    }

                    continue;
                }

                var gate = new TurnGate();
                if (_byKey.TryAdd(key, new WeakReference<TurnGate>(gate)))
                {
                    SweepIfGrown();
                    return gate;
                }
            }
        }

        private void SweepIfGrown()
        {
            if (_byKey.Count < Volatile.Read(ref _sweepAt))
            {
                return;
            }

            foreach (var (key, weak) in _byKey)
            {
                if (!weak.TryGetTarget(out _))
                {
                    _byKey.TryRemove(new KeyValuePair<string, WeakReference<TurnGate>>(key, weak));
                }
            }

            Volatile.Write(ref _sweepAt, Math.Max(1024, _byKey.Count * 2));
        }
    }
}
