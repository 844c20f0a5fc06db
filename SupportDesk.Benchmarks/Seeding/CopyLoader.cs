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
                copy.StartRow(22);
                copy.Bigint(row.Id);
                copy.Text(numbers.Next(row.CreatedAt));
                copy.Text(row.Title);
                copy.Text(row.Description);
                copy.Integer((int)row.Status);
                copy.Integer((int)row.Priority);
                copy.Text(row.CreatorId);
                TextOrNull(copy, row.AssigneeId);
                copy.Text(row.Category);
                copy.Jsonb("{}");
                copy.TimestampTz(row.CreatedAt);
                copy.TimestampTz(row.UpdatedAt);
                TimestampTzOrNull(copy, row.ResolvedAt);
                TimestampTzOrNull(copy, row.ClosedAt);
                TimestampTzOrNull(copy, row.FirstResponseAt);
                copy.Integer(SlaPolicy.DefaultId);
                copy.TimestampTz(row.FirstResponseDueAt);
                TimestampTzOrNull(copy, row.ResolutionDueAt);
                TimestampTzOrNull(copy, row.SlaDueAt);
                TimestampTzOrNull(copy, row.SlaAtRiskAt);
                BooleanOrNull(copy, row.FirstResponseSlaMet);
                BooleanOrNull(copy, row.ResolutionSlaMet);
                return 1;
            });
    }

    public static TableRows TicketTags(IReadOnlyList<int> tagIds) =>
        new("ticket_tags", "COPY ticket_tags (ticket_id, tag_id, added_at) FROM STDIN (FORMAT BINARY, FREEZE)",
            (copy, row) =>
            {
                foreach (var tag in row.TagIds)
                {
                    copy.StartRow(3);
                    copy.Bigint(row.Id);
                    copy.Integer(tagIds[tag - 1]);
                    copy.TimestampTz((row.FirstResponseAt ?? row.CreatedAt).AddMinutes(1));
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
                    copy.StartRow(7);
                    copy.Bigint(++id);
                    copy.Bigint(row.Id);
                    copy.Text(comment.AuthorId);
                    copy.Text(comment.Content);
                    copy.Boolean(comment.IsInternal);
                    copy.TimestampTz(comment.CreatedAt);
                    copy.TimestampTz(comment.CreatedAt);
                }

                return row.Comments.Count;
            });
    }

    /// <summary>
    /// The search documents, already in tsvector's binary form: binary COPY hands a field's bytes to the column's
    /// type as they are.
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
                copy.StartRow(3);
                copy.Bigint(row.Id);
                copy.Raw(publicText.Span);
                copy.Raw(staffText.Span);
                return 1;
            });
    }

    private static void TextOrNull(CopyRowWriter copy, string? value)
    {
        if (value is null)
        {
            copy.Null();
        }
        else
        {
            copy.Text(value);
        }
    }

    private static void TimestampTzOrNull(CopyRowWriter copy, DateTime? value)
    {
        if (value is { } v)
        {
            copy.TimestampTz(v);
        }
        else
        {
            copy.Null();
        }
    }

    private static void BooleanOrNull(CopyRowWriter copy, bool? value)
    {
        if (value is { } v)
        {
            copy.Boolean(v);
        }
        else
        {
            copy.Null();
        }
    }
}
