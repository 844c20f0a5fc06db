namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// SplitMix64: tiny, fast and fully determined by its seed, so every ticket can be regenerated from
/// (seed, id) alone instead of being kept in memory between the COPY passes.
/// </summary>
public struct Rng(ulong seed)
{
    private ulong state = seed;

    public static Rng For(int seed, long id) => new(((ulong)(uint)seed << 40) ^ (ulong)id * 0x9E3779B97F4A7C15UL);

    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public int Below(int n) => (int)((Next() >> 33) % (ulong)n);

    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    /// <summary>An index into <paramref name="weights"/>, chosen in proportion to its weight.</summary>
    public int Weighted(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var roll = Below(total);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Next());
        BitConverter.TryWriteBytes(bytes[8..], Next());
        return new Guid(bytes);
    }
}
