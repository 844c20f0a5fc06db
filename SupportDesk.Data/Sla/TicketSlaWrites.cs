using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SupportDesk.Data.Sla;

/// <summary>
/// Writes recomputed SLA columns for a batch of tickets with one UPDATE per engine (PostgreSQL joins arrays sent
/// through unnest, SQLite a VALUES list), in the caller's transaction: an UPDATE per ticket made a bulk status change
/// of 10,000 tickets take minutes at a million tickets. A ticket whose at-risk moment moves is alerted again, so its
/// alert stamp is cleared. Neither the updated time nor the version changes: the columns are derived.
/// </summary>
internal static class TicketSlaWrites
{
    public static async Task WriteAsync(SupportDbContext db, IReadOnlyList<(long Id, TicketSlaColumns Columns)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            long[] ids = [.. rows.Select(r => r.Id)];
            int[] policies = [.. rows.Select(r => r.Columns.PolicyId)];
            DateTime?[] firstResponseDue = [.. rows.Select(r => r.Columns.FirstResponseDueAt)];
            DateTime?[] resolutionDue = [.. rows.Select(r => r.Columns.ResolutionDueAt)];
            DateTime?[] due = [.. rows.Select(r => r.Columns.SlaDueAt)];
            DateTime?[] atRisk = [.. rows.Select(r => r.Columns.SlaAtRiskAt)];
            bool?[] firstResponseMet = [.. rows.Select(r => r.Columns.FirstResponseSlaMet)];
            bool?[] resolutionMet = [.. rows.Select(r => r.Columns.ResolutionSlaMet)];
            await db.Database.ExecuteSqlAsync(
                $"""
                UPDATE tickets AS t
                SET sla_policy_id = v.policy, first_response_due_at = v.first_response_due, resolution_due_at = v.resolution_due,
                    sla_due_at = v.due, sla_at_risk_at = v.at_risk,
                    sla_alerted_at = CASE WHEN t.sla_at_risk_at IS NOT DISTINCT FROM v.at_risk THEN t.sla_alerted_at END,
                    first_response_sla_met = v.first_response_met, resolution_sla_met = v.resolution_met
                FROM unnest({ids}, {policies}, {firstResponseDue}, {resolutionDue}, {due}, {atRisk}, {firstResponseMet}, {resolutionMet})
                    AS v(id, policy, first_response_due, resolution_due, due, at_risk, first_response_met, resolution_met)
                WHERE t.id = v.id
                """,
                cancellationToken);
            return;
        }

        // Parameters rather than JSON, so SQLite stores the times in the one text form EF reads and compares.
        var sql = new StringBuilder(
            """
            UPDATE tickets
            SET sla_policy_id = v.column2, first_response_due_at = v.column3, resolution_due_at = v.column4,
                sla_due_at = v.column5, sla_at_risk_at = v.column6,
                sla_alerted_at = CASE WHEN tickets.sla_at_risk_at IS v.column6 THEN tickets.sla_alerted_at END,
                first_response_sla_met = v.column7, resolution_sla_met = v.column8
            FROM (VALUES
            """);
        var parameters = new List<DbParameter>(rows.Count * 8);
        for (var i = 0; i < rows.Count; i++)
        {
            var (id, c) = rows[i];
            object?[] values = [id, c.PolicyId, c.FirstResponseDueAt, c.ResolutionDueAt, c.SlaDueAt, c.SlaAtRiskAt, c.FirstResponseSlaMet, c.ResolutionSlaMet];
            sql.Append(i == 0 ? "(" : ", (");
            for (var k = 0; k < values.Length; k++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{parameters.Count}");
                sql.Append(k == 0 ? name : ", " + name);
                parameters.Add(new SqliteParameter(name, values[k] ?? DBNull.Value));
            }

            sql.Append(')');
        }

        sql.Append(") AS v WHERE tickets.id = v.column1");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }
}
