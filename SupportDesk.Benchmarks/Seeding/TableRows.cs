namespace SupportDesk.Benchmarks.Seeding;

/// <summary>A loaded table: its COPY statement and what it makes of one generated ticket (returns the rows written).</summary>
public sealed record TableRows(string Table, string CopySql, Func<CopyRowWriter, TicketRow, int> Write);
