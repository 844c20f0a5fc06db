using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Engines;

/// <summary>
/// Maps <see cref="TicketMetrics.HoursBetween"/> to each engine's own date arithmetic, since EF does not
/// translate DateTime subtraction on SQLite.
/// </summary>
internal static class HoursBetweenTranslation
{
    private static readonly System.Reflection.MethodInfo Method = typeof(TicketMetrics).GetMethod(nameof(TicketMetrics.HoursBetween))!;

    /// <summary>
    /// PostgreSQL: <c>date_part('epoch', to - from) / 3600</c>. One date_part of the interval rather than one per
    /// time: the dashboards evaluate this for tens of thousands of rows, and each call parses its unit name.
    /// </summary>
    public static void MapForPostgres(ModelBuilder builder) =>
        builder.HasDbFunction(Method).HasTranslation(args =>
        {
            // The interval only feeds date_part and is never read, but EF wants every node typed: it carries the
            // operands' timestamp mapping.
            var interval = new SqlBinaryExpression(ExpressionType.Subtract, args[1], args[0], typeof(TimeSpan), args[1].TypeMapping ?? args[0].TypeMapping);
            var seconds = Function("date_part", [new SqlFragmentExpression("'epoch'"), interval]);
            return new SqlBinaryExpression(ExpressionType.Divide, seconds, new SqlFragmentExpression("3600.0"), typeof(double), null);
        });

    /// <summary>SQLite: <c>(julianday(to) - julianday(from)) * 24</c>.</summary>
    public static void MapForSqlite(ModelBuilder builder) =>
        builder.HasDbFunction(Method).HasTranslation(args =>
        {
            var days = new SqlBinaryExpression(
                ExpressionType.Subtract, Function("julianday", [args[1]]), Function("julianday", [args[0]]), typeof(double), null);
            return new SqlBinaryExpression(ExpressionType.Multiply, days, new SqlFragmentExpression("24.0"), typeof(double), null);
        });

    private static SqlFunctionExpression Function(string name, SqlExpression[] arguments) =>
        new(name, arguments, nullable: true, argumentsPropagateNullability: arguments.Select(_ => true), typeof(double), null);
}
