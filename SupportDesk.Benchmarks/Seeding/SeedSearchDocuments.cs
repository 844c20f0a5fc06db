using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// The search documents the database's triggers would write for a generated ticket (see the TicketSearch
/// migration), built here in the wire format of <c>tsvector</c> so they can be COPYed with the tickets instead
/// of parsed by one backend afterwards, which took three quarters of a million-ticket load.
/// Every text a generated ticket holds is a catalog phrase, plus "Order SO-n." after some descriptions, so the
/// database itself is asked once for each phrase's lexemes (its parser, stop words and stemmer decide, not this
/// code) and for how many positions the phrase takes. A joined text's positions are then the sums of its
/// parts', and a concatenation shifts its right side by the left side's largest position, as
/// <c>tsvector || tsvector</c> does. SeederTests compares every seeded document with the database's own.
/// </summary>
public sealed class SeedSearchDocuments
{
    /// <summary>An order number's digits as they stand in the order phrase asked about; replaced by each ticket's.</summary>
    private const string Placeholder = "4242424";
    private const int MaxPosition = 16383;
    private const int WeightA = 3, WeightB = 2, WeightC = 1;

    private readonly Dictionary<string, Phrase> phrases;
    private readonly byte[][] lexemes;
    private readonly Phrase order;

    private SeedSearchDocuments(Dictionary<string, Phrase> phrases, byte[][] lexemes, Phrase order)
    {
        this.phrases = phrases;
        this.lexemes = lexemes;
        this.order = order;
    }

    /// <summary>The order reference <see cref="GeneratedData"/> appends to a description.</summary>
    public static string OrderSentence(long order) => $"Order SO-{order}.";

    /// <summary>Asks the database for the lexemes and lengths of every phrase a generated ticket can hold.</summary>
    public static async Task<SeedSearchDocuments> LoadAsync(NpgsqlConnection connection, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var orderText = OrderSentence(long.Parse(Placeholder, System.Globalization.CultureInfo.InvariantCulture));
        string[] all = [.. texts.Append(orderText).Distinct(StringComparer.Ordinal)];
        var spans = new int[all.Length];
        var entries = Enumerable.Range(0, all.Length).Select(_ => new List<(string Lexeme, int Position)>()).ToArray();

        // A position is taken by every token a dictionary saw, stop words included (their lexemes are '{}'), and
        // by nothing else; ts_debug reports exactly that, token by token.
        await using (var command = new NpgsqlCommand(
            """
            SELECT p.i::int - 1, (SELECT count(*)::int FROM ts_debug('english', p.text) d WHERE d.lexemes IS NOT NULL)
            FROM unnest(@texts) WITH ORDINALITY p(text, i)
            """, connection))
        {
            command.Parameters.AddWithValue("texts", all);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                spans[reader.GetInt32(0)] = reader.GetInt32(1);
            }
        }

        await using (var command = new NpgsqlCommand(
            """
            SELECT p.i::int - 1, u.lexeme, u.positions
            FROM unnest(@texts) WITH ORDINALITY p(text, i), unnest(to_tsvector('english', p.text)) u
            """, connection))
        {
            command.Parameters.AddWithValue("texts", all);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = entries[reader.GetInt32(0)];
                foreach (var position in reader.GetFieldValue<short[]>(2))
                {
                    list.Add((reader.GetString(1), position));
                }
            }
        }

        // Lexemes are numbered in the order tsvector keeps them (bytewise, shorter first on a tie), so sorting a
        // document's entries by number sorts its lexemes; an order number's lexemes are placed among them per ticket.
        var ordered = entries.SelectMany(e => e).Select(e => e.Lexeme).Where(l => !l.Contains(Placeholder, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes).Order(ByteOrder.Instance).ToArray();
        var ranks = ordered.Select((bytes, rank) => (Text: Encoding.UTF8.GetString(bytes), rank)).ToDictionary(x => x.Text, x => x.rank, StringComparer.Ordinal);
        var built = new Dictionary<string, Phrase>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            built[all[i]] = new Phrase(
                [.. entries[i].Select(e => ranks.TryGetValue(e.Lexeme, out var rank) ? new Entry(rank, e.Position, null) : new Entry(-1, e.Position, e.Lexeme))],
                spans[i]);
        }

        return new SeedSearchDocuments(built, ordered, built[orderText]);
    }

    /// <summary>A builder for one thread; it reuses its buffers from ticket to ticket.</summary>
    public Builder CreateBuilder() => new(this);

    public sealed class Builder(SeedSearchDocuments documents)
    {
        private readonly List<long> entries = new(256);
        private readonly List<byte[]> dynamic = new(4);
        private byte[] publicBuffer = new byte[4096];
        private byte[] staffBuffer = new byte[4096];

        /// <summary>The ticket's public and staff documents, valid until the next call.</summary>
        public (ReadOnlyMemory<byte> Public, ReadOnlyMemory<byte> Staff) Build(TicketRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            entries.Clear();
            dynamic.Clear();

            // public = setweight(title, A) || setweight(description, B) || setweight(replies, C)
            var max = Add(documents.phrases[row.Title], 0, 0, WeightA);
            var description = documents.phrases[row.IssueDescription];
            var descriptionMax = Add(description, max, 0, WeightB);
            if (row.OrderNumber is { } number)
            {
                descriptionMax = AddOrder(number, max, description.Span, WeightB);
            }

            max = Math.Max(max, descriptionMax);
            max = Math.Max(max, AddJoined(row, max, isInternal: false));
            var publicLength = Write(ref publicBuffer);
            if (!row.Comments.Exists(c => c.IsInternal))
            {
                // Without notes the two documents are the same bytes; most tickets have none.
                return (publicBuffer.AsMemory(0, publicLength), publicBuffer.AsMemory(0, publicLength));
            }

            // staff = public || setweight(notes, C)
            AddJoined(row, max, isInternal: true);
            var staffLength = Write(ref staffBuffer);
            return (publicBuffer.AsMemory(0, publicLength), staffBuffer.AsMemory(0, staffLength));
        }

        /// <summary>The comments of one kind as the one text <c>string_agg(content, ' ' ORDER BY id)</c> makes of them.</summary>
        private int AddJoined(TicketRow row, int shift, bool isInternal)
        {
            var max = 0;
            var taken = 0;
            foreach (var comment in row.Comments)
            {
                if (comment.IsInternal != isInternal)
                {
                    continue;
                }

                var phrase = documents.phrases[comment.Content];
                max = Math.Max(max, Add(phrase, shift, taken, WeightC));
                taken += phrase.Span;
            }

            return max;
        }

        /// <summary>
        /// Adds a phrase that starts after <paramref name="taken"/> positions of its text, the text shifted by
        /// <paramref name="shift"/>; returns the largest position written (0 for none).
        /// </summary>
        private int Add(Phrase phrase, int shift, int taken, int weight)
        {
            var max = 0;
            foreach (var entry in phrase.Entries)
            {
                var position = Math.Min(shift + taken + entry.Position, MaxPosition);
                max = Math.Max(max, position);
                entries.Add(Pack(entry.Rank, position, weight));
            }

            return max;
        }

        private int AddOrder(long number, int shift, int taken, int weight)
        {
            var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var max = 0;
            foreach (var entry in documents.order.Entries)
            {
                var position = Math.Min(shift + taken + entry.Position, MaxPosition);
                max = Math.Max(max, position);
                var packed = entry.Dynamic is { } template
                    ? PackDynamic(Encoding.UTF8.GetBytes(template.Replace(Placeholder, digits, StringComparison.Ordinal)), position, weight)
                    : Pack(entry.Rank, position, weight);
                entries.Add(packed);
            }

            return max;
        }

        // An entry packs, from the top: the lexeme's sort key (2 * rank + 1 for a catalog lexeme), the number of a
        // per-ticket lexeme (0 for a catalog one), the position and the weight; so sorting entries sorts lexemes,
        // and each lexeme's positions.
        private static long Pack(int rank, int position, int weight) => ((2L * rank + 1) << 32) | ((long)position << 2) | (uint)weight;

        /// <summary>
        /// A per-ticket lexeme sorts just before the first catalog lexeme above it, or is that catalog lexeme. The
        /// order phrase's lexemes arrive sorted, so two per-ticket lexemes between the same catalog neighbours keep
        /// their order by number.
        /// </summary>
        private long PackDynamic(byte[] bytes, int position, int weight)
        {
            var found = Array.BinarySearch(documents.lexemes, bytes, ByteOrder.Instance);
            if (found >= 0)
            {
                return Pack(found, position, weight);
            }

            var number = dynamic.FindIndex(d => d.AsSpan().SequenceEqual(bytes)) + 1;
            if (number == 0)
            {
                dynamic.Add(bytes);
                number = dynamic.Count;
            }

            return ((2L * ~found) << 32) | ((long)number << 24) | ((long)position << 2) | (uint)weight;
        }

        private byte[] LexemeBytes(long entry)
        {
            var number = (int)(entry >> 24) & 0xFF;
            return number > 0 ? dynamic[number - 1] : documents.lexemes[(int)((entry >> 32) - 1) / 2];
        }

        /// <summary>tsvector_recv's format: entry count, then per lexeme its bytes, a zero, the position count and the positions.</summary>
        private int Write(ref byte[] buffer)
        {
            var sorted = CollectionsMarshal.AsSpan(entries);
            sorted.Sort();
            var length = 4;
            var count = 0;
            for (var i = 0; i < sorted.Length;)
            {
                var lexeme = sorted[i] >> 24;
                var end = i;
                while (end < sorted.Length && sorted[end] >> 24 == lexeme)
                {
                    end++;
                }

                var bytes = LexemeBytes(sorted[i]);
                Ensure(ref buffer, length + bytes.Length + 3 + (2 * (end - i)));
                bytes.CopyTo(buffer.AsSpan(length));
                length += bytes.Length;
                buffer[length++] = 0;
                var counted = length;
                length += 2;
                var written = 0;
                for (var previous = 0; i < end; i++)
                {
                    // Positions cut at the maximum coincide; the database keeps one.
                    var position = (int)(sorted[i] >> 2) & MaxPosition;
                    if (position != previous)
                    {
                        previous = position;
                        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(length), (ushort)((((int)sorted[i] & 3) << 14) | position));
                        length += 2;
                        written++;
                    }
                }

                BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(counted), (ushort)written);
                count++;
            }

            BinaryPrimitives.WriteInt32BigEndian(buffer, count);
            return length;
        }

        private static void Ensure(ref byte[] buffer, int length)
        {
            if (buffer.Length < length)
            {
                Array.Resize(ref buffer, Math.Max(length, buffer.Length * 2));
            }
        }
    }

    /// <summary>A lexeme at a position within its phrase; <see cref="Dynamic"/> holds an order number's lexeme with the placeholder.</summary>
    private readonly record struct Entry(int Rank, int Position, string? Dynamic);

    /// <summary>A phrase's lexemes and the number of positions it takes in a longer text.</summary>
    private sealed record Phrase(Entry[] Entries, int Span);

    /// <summary>tsvector's lexeme order: bytewise, the shorter first when one is the start of the other.</summary>
    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
