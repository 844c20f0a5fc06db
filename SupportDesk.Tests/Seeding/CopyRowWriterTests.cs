using Npgsql;
using SupportDesk.Benchmarks.Seeding;
using SupportDesk.Data.Engines;
using SupportDesk.Tests.Infrastructure;

namespace SupportDesk.Tests.Seeding;

public sealed class CopyRowWriterTests(DatabaseTemplates templates)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Times_and_non_ASCII_text_written_by_hand_read_back_exactly_as_they_went_in()
    {
        var database = await templates.CreateAsync(DatabaseProvider.Postgres, Cancel);
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(Cancel);
            await using (var create = new NpgsqlCommand("CREATE TEMP TABLE copied (id integer, at timestamptz, body text)", connection))
            {
                await create.ExecuteNonQueryAsync(Cancel);
            }

            // A time with microseconds, one before PostgreSQL's epoch, and a text longer than the writer's buffer.
            var rows = new (DateTime At, string Body)[]
            {
                (new DateTime(2026, 11, 26, 9, 41, 7, DateTimeKind.Utc).AddTicks(1_234_560), "Crème brûlée für Ärger — 東京 🎫"),
                (new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990), string.Concat(Enumerable.Repeat("Ünïcödé 東京 🎫 ", 10_000))),
            };
            await using (var copy = await connection.BeginRawBinaryCopyAsync("COPY copied (id, at, body) FROM STDIN (FORMAT BINARY)", Cancel))
            {
                var writer = new CopyRowWriter(copy);
                for (var i = 0; i < rows.Length; i++)
                {
                    writer.StartRow(3);
                    writer.Integer(i);
                    writer.TimestampTz(rows[i].At);
                    writer.Text(rows[i].Body);
                }

                await writer.CompleteAsync(Cancel);
            }

            var read = new List<(DateTime At, string Body)>();
            await using var select = new NpgsqlCommand("SELECT at, body FROM copied ORDER BY id", connection);
            await using var reader = await select.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                read.Add((reader.GetDateTime(0), reader.GetString(1)));
            }

            Assert.Equal(rows, read);
        }
        finally
        {
            await templates.DropAsync(database);
        }
    }
}
