namespace SupportDesk.Data.Attachments;

/// <summary>
/// Reads an upload once, forward only: counts the bytes actually received, keeps the first ones for
/// sniffing, and throws as soon as the count passes the limit, so a store stops mid-file.
/// </summary>
internal sealed class MeteredStream(Stream source, long maxBytes) : Stream
{
    public const int HeadBytes = 1024;

    private readonly byte[] head = new byte[HeadBytes];
    private int headLength;

    public long BytesRead { get; private set; }

    /// <summary>The first bytes of the file (all of it when shorter than <see cref="HeadBytes"/>).</summary>
    public ReadOnlySpan<byte> Head => head.AsSpan(0, headLength);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(buffer[..source.Read(buffer)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    private int Count(ReadOnlySpan<byte> read)
    {
        BytesRead += read.Length;
        if (BytesRead > maxBytes)
        {
            throw new AttachmentTooLargeException();
        }

        var take = Math.Min(read.Length, HeadBytes - headLength);
        read[..take].CopyTo(head.AsSpan(headLength));
        headLength += take;
        return read.Length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await source.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>Raised inside a store's write when an upload passes the size limit; the upload service turns it into a field error.</summary>
internal sealed class AttachmentTooLargeException : Exception
{
    public AttachmentTooLargeException()
        : base("The file is larger than the attachment size limit.")
    {
    }

    public AttachmentTooLargeException(string message)
        : base(message)
    {
    }

    public AttachmentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
