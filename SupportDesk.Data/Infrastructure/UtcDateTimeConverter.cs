using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SupportDesk.Data.Infrastructure;

/// <summary>
/// Storage is always UTC. SQLite hands back <see cref="DateTimeKind.Unspecified"/>, and Npgsql refuses
/// non-UTC values for timestamptz, so every DateTime is marked UTC in both directions.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
