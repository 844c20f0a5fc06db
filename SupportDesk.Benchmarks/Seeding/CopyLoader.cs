using Npgsql;
using NpgsqlTypes;
using SupportDesk.Data.Sla;

namespace SupportDesk.Benchmarks.Seeding;

/// <summary>What each loaded table makes of a generated ticket, in binary COPY; nothing bigger than one batch of tickets is held in memory.</summary>
public static class CopyLoader
{
    public static async Task UsersAsync(NpgsqlConnection connection, IReadOnlyList<SeedUser> users, IReadOnlyDictionary<string, string> roleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roleIds);
        var hash = SeedUsers.PasswordHash();
        await using (var copy = await connection.BeginBinaryImportAsync(
            """
            COPY "AspNetUsers" (id, full_name, is_active, prefers_dark_mode, created_at, updated_at, user_name, normalized_user_name,
                email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp,
                phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            var rng = new Rng((ulong)users.Count);
            foreach (var user in users)
            {
                copy.StartRow();
                copy.Write(user.Id, NpgsqlDbType.Text);
                copy.Write(user.FullName, NpgsqlDbType.Varchar);
                copy.Write(true, NpgsqlDbType.Boolean);
                copy.Write(false, NpgsqlDbType.Boolean);
                copy.Write(user.CreatedAt, NpgsqlDbType.TimestampTz);
                copy.Write(user.CreatedAt, NpgsqlDbType.TimestampTz);
                copy.Write(user.Email, NpgsqlDbType.Varchar);
                copy.Write(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                copy.Write(user.Email, NpgsqlDbType.Varchar);
                copy.Write(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                copy.Write(true, NpgsqlDbType.Boolean);
                copy.Write(hash, NpgsqlDbType.Text);
                copy.Write(rng.NextGuid().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
                copy.Write(rng.NextGuid().ToString(), NpgsqlDbType.Text);
                copy.Write(false, NpgsqlDbType.Boolean);
                copy.Write(false, NpgsqlDbType.Boolean);
                copy.Write(true, NpgsqlDbType.Boolean);
                copy.Write(0, NpgsqlDbType.Integer);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"AspNetUserRoles\" (user_id, role_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var user in users)
            {
                copy.WriteRow(user.Id, roleIds[user.Role]);
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>The tickets table's rows; numbers are handed out in id order, so one stream writes them.</summary>
    public static TableRows Tickets()
    {
        var numbers = new SeedTicketNumbers();
        return new TableRows("tickets",
            """
            COPY tickets (id, number, title, description, status, priority, creator_id, assignee_id, category, custom_fields, created_at, updated_at,
                resolved_at, closed_at, first_response_at, sla_policy_id, first_response_due_at, resolution_due_at, sla_due_at, sla_at_risk_at,
                first_response_sla_met, resolution_sla_met) FROM STDIN (FORMAT BINARY, FREEZE)
            """,
            (copy, row) =>
            {
                copy.StartRow();
                copy.Write(row.Id, NpgsqlDbType.Bigint);
                copy.Write(numbers.Next(row.CreatedAt), NpgsqlDbType.Varchar);
                copy.Write(row.Title, NpgsqlDbType.Varchar);
                copy.Write(row.Description, NpgsqlDbType.Text);
                copy.Write((int)row.Status, NpgsqlDbType.Integer);
                copy.Write((int)row.Priority, NpgsqlDbType.Integer);
                copy.Write(row.CreatorId, NpgsqlDbType.Text);
                WriteNullable(copy, row.AssigneeId, NpgsqlDbType.Text);
                copy.Write(row.Category, NpgsqlDbType.Varchar);
                copy.Write("{}", NpgsqlDbType.Jsonb);
                copy.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
                copy.Write(row.UpdatedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.ResolvedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.ClosedAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.FirstResponseAt, NpgsqlDbType.TimestampTz);
                copy.Write(SlaPolicy.DefaultId, NpgsqlDbType.Integer);
                copy.Write(row.FirstResponseDueAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.ResolutionDueAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.SlaDueAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.SlaAtRiskAt, NpgsqlDbType.TimestampTz);
                WriteNullable(copy, row.FirstResponseSlaMet, NpgsqlDbType.Boolean);
                WriteNullable(copy, row.ResolutionSlaMet, NpgsqlDbType.Boolean);
                return 1;
            });
    }

    public static TableRows TicketTags(IReadOnlyList<int> tagIds) =>
        new("ticket_tags", "COPY ticket_tags (ticket_id, tag_id, added_at) FROM STDIN (FORMAT BINARY, FREEZE)",
            (copy, row) =>
            {
                foreach (var tag in row.TagIds)
                {
                    copy.StartRow();
                    copy.Write(row.Id, NpgsqlDbType.Bigint);
                    copy.Write(tagIds[tag - 1], NpgsqlDbType.Integer);
                    copy.Write((row.FirstResponseAt ?? row.CreatedAt).AddMinutes(1), NpgsqlDbType.TimestampTz);
                }

                return row.TagIds.Count;
            });

    public static TableRows Comments()
    {
        long id = 0;
        return new TableRows("comments",
            "COPY comments (id, ticket_id, author_id, content, is_internal, created_at, updated_at) FROM STDIN (FORMAT BINARY, FREEZE)",
            (copy, row) =>
            {
                foreach (var comment in row.Comments)
                {
                    copy.StartRow();
                    copy.Write(++id, NpgsqlDbType.Bigint);
                    copy.Write(row.Id, NpgsqlDbType.Bigint);
                    copy.Write(comment.AuthorId, NpgsqlDbType.Text);
                    copy.Write(comment.Content, NpgsqlDbType.Text);
                    copy.Write(comment.IsInternal, NpgsqlDbType.Boolean);
                    copy.Write(comment.CreatedAt, NpgsqlDbType.TimestampTz);
                    copy.Write(comment.CreatedAt, NpgsqlDbType.TimestampTz);
                }

                return row.Comments.Count;
            });
    }

    /// <summary>
    /// The search documents, already in tsvector's binary form: binary COPY sends a field's bytes as they are and
    /// the column's type reads them, so they go as bytea.
    /// </summary>
    public static TableRows SearchDocuments(SeedSearchDocuments documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var builder = documents.CreateBuilder();
        return new TableRows("ticket_search_documents",
            "COPY ticket_search_documents (ticket_id, public_text, staff_text) FROM STDIN (FORMAT BINARY, FREEZE)",
            (copy, row) =>
            {
                var (publicText, staffText) = builder.Build(row);
                copy.StartRow();
                copy.Write(row.Id, NpgsqlDbType.Bigint);
                copy.Write(publicText, NpgsqlDbType.Bytea);
                copy.Write(staffText, NpgsqlDbType.Bytea);
                return 1;
            });
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }
}
