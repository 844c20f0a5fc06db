using System.Linq.Expressions;
using System.Reflection;
using SupportDesk.Data.Tickets;

namespace SupportDesk.Data.Queue;

/// <summary>
/// Keyset paging: order by (key, id) and continue after the last row seen, so page 1,000 costs what
/// page 1 costs (an index range, no skipped rows).
/// </summary>
internal static class Keyset
{
    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<Ticket> Order<TKey>(IQueryable<Ticket> tickets, Expression<Func<Ticket, TKey>> key, bool descending) =>
        descending
            ? tickets.OrderByDescending(key).ThenByDescending(t => t.Id)
            : tickets.OrderBy(key).ThenBy(t => t.Id);

    /// <summary>Rows strictly beyond (<paramref name="value"/>, <paramref name="id"/>) in the given direction.</summary>
    public static IQueryable<Ticket> Beyond<TKey>(IQueryable<Ticket> tickets, Expression<Func<Ticket, TKey>> key, bool descending, TKey value, long id)
    {
        var ticket = key.Parameters[0];
        var column = Comparable(key.Body);
        var boundary = Comparable(Expression.Property(Expression.Constant(new Boundary<TKey>(value)), nameof(Boundary<TKey>.Value)));
        var ticketId = Expression.Property(ticket, nameof(Ticket.Id));
        var boundaryId = Expression.Property(Expression.Constant(new Boundary<long>(id)), nameof(Boundary<long>.Value));
        var beyond = Expression.OrElse(
            Compare(column, boundary, descending),
            Expression.AndAlso(Expression.Equal(column, boundary), Compare(ticketId, boundaryId, descending)));
        return tickets.Where(Expression.Lambda<Func<Ticket, bool>>(beyond, ticket));
    }

    private static BinaryExpression Compare(Expression left, Expression right, bool descending)
    {
        if (left.Type == typeof(string))
        {
            var comparison = Expression.Call(StringCompare, left, right);
            return descending ? Expression.LessThan(comparison, Expression.Constant(0)) : Expression.GreaterThan(comparison, Expression.Constant(0));
        }

        return descending ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    /// <summary>Enums compare as their numbers, which is how they are stored.</summary>
    private static Expression Comparable(Expression expression) =>
        expression.Type.IsEnum ? Expression.Convert(expression, Enum.GetUnderlyingType(expression.Type)) : expression;

    /// <summary>Holds a boundary value so EF sends it as a parameter, not as a literal baked into the plan.</summary>
    private sealed record Boundary<T>(T Value);
}
