using SupportDesk.Data.Tickets;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// Unique <see cref="TicketNumber"/>s without random collisions: a counter per creation day, scrambled by an
/// odd multiplier (a bijection on the 20 bits that four characters of the 32-letter alphabet hold), so
/// numbers look random and cannot repeat until a single day has 1,048,576 tickets.
/// </summary>
public sealed class SeedTicketNumbers
{
    private const int Capacity = 1 << 20;
    private readonly Dictionary<int, int> perDay = [];

    public string Next(DateTime createdAt)
    {
        var day = createdAt.Year * 10000 + createdAt.Month * 100 + createdAt.Day;
        var count = perDay.GetValueOrDefault(day);
        if (count == Capacity)
        {
            throw new InvalidOperationException($"More than {Capacity} tickets on {createdAt:yyyy-MM-dd}.");
        }

        perDay[day] = count + 1;
        var code = (int)(((uint)count * 0x9E3B5u + (uint)day * 2654435761u) & (Capacity - 1));
        Span<char> suffix = stackalloc char[4];
        for (var i = 3; i >= 0; i--)
        {
            suffix[i] = TicketNumber.Alphabet[code & 31];
            code >>= 5;
        }

        return $"TKT-{createdAt:yyyyMMdd}-{suffix}";
    }
}
