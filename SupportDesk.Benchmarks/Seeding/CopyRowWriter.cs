using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>
/// PostgreSQL's binary COPY format, written by hand into one reusable buffer for a raw COPY stream. It exists
/// because a profile of the seeder showed about half of its CPU in Npgsql's per-field machinery (type resolution,
/// parameter binding and async state machines for each of some sixty million fields), and the client shares its
/// cores with the server it loads. Only the few types the seeder writes are here.
/// </summary>
public sealed class CopyRowWriter
{
    private const int BufferSize = 256 * 1024;
    private const byte JsonbVersion = 1;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xff, (byte)'\r', (byte)'\n', 0];

    private readonly Stream stream;
    private readonly byte[] buffer = new byte[BufferSize];
    private int position;

    public CopyRowWriter(Stream stream)
    {
        this.stream = stream;
        Signature.CopyTo(buffer, 0);
        // Flags and header-extension length, both zero, are already in the fresh buffer.
        position = Signature.Length + 8;
    }

    public void StartRow(short fields)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), fields);
        position += 2;
    }

    public void Bigint(long value)
    {
        Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(position + 4), value);
        position += 12;
    }

    [SuppressMessage("Naming", "CA1720:Identifiers should not contain type names", Justification = "Named after the PostgreSQL type it writes, like the other fields.")]
    public void Integer(int value)
    {
        Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position + 4), value);
        position += 8;
    }

    public void Boolean(bool value)
    {
        Reserve(5);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), 1);
        buffer[position + 4] = value ? (byte)1 : (byte)0;
        position += 5;
    }

    /// <summary>Refuses a time that is not UTC, as Npgsql does: a local or unspecified time would be stored shifted.</summary>
    public void TimestampTz(DateTime value)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException($"A timestamptz must be a UTC time; got a {value.Kind} one.", nameof(value));
        }

        Bigint((value.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    public void Text(string value) => Utf8(value, jsonb: false);

    public void Jsonb(string json) => Utf8(json, jsonb: true);

    /// <summary>A field whose bytes already are the column type's binary form.</summary>
    public void Raw(ReadOnlySpan<byte> value)
    {
        Reserve(4 + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), value.Length);
        position += 4;
        if (value.Length > buffer.Length - position)
        {
            Flush();
            stream.Write(value);
            return;
        }

        value.CopyTo(buffer.AsSpan(position));
        position += value.Length;
    }

    public void Null()
    {
        Reserve(4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), -1);
        position += 4;
    }

    /// <summary>Writes what is buffered; COPY data need not end at a row's end.</summary>
    public void Flush()
    {
        stream.Write(buffer, 0, position);
        position = 0;
    }

    /// <summary>Ends the data with the trailer and writes what is left; the COPY itself ends when the stream is disposed.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Reserve(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), -1);
        position += 2;
        await stream.WriteAsync(buffer.AsMemory(0, position), cancellationToken);
        position = 0;
    }

    private void Utf8(string value, bool jsonb)
    {
        var prefix = jsonb ? 1 : 0;
        var most = 4 + prefix + Encoding.UTF8.GetMaxByteCount(value.Length);
        Reserve(most);
        if (most > buffer.Length)
        {
            // Longer than the whole buffer: rare enough to encode into an array of its own.
            var bytes = new byte[prefix + Encoding.UTF8.GetByteCount(value)];
            if (jsonb)
            {
                bytes[0] = JsonbVersion;
            }

            Encoding.UTF8.GetBytes(value, bytes.AsSpan(prefix));
            Raw(bytes);
            return;
        }

        var start = position + 4;
        if (jsonb)
        {
            buffer[start] = JsonbVersion;
        }

        var length = prefix + Encoding.UTF8.GetBytes(value, buffer.AsSpan(start + prefix));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), length);
        position = start + length;
    }

    private void Reserve(int bytes)
    {
        if (bytes > buffer.Length - position)
        {
            Flush();
        }
    }
}
