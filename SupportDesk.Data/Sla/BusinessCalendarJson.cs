using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupportDesk.Data.Infrastructure;

namespace SupportDesk.Data.Sla;

/// <summary>
/// A calendar as JSON text, e.g.
/// <c>{"timeZoneId":"Europe/Berlin","hours":[{"day":"Monday","start":"09:00","end":"17:00"}],"holidays":[{"date":"2026-04-03","name":"Good Friday"}]}</c>.
/// </summary>
public static class BusinessCalendarJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new WallClockConverter() },
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public static string Serialize(BusinessCalendar calendar) => JsonSerializer.Serialize(calendar, Options);

    /// <summary>Reads and validates a calendar; bad text comes back as messages that name the offending part.</summary>
    public static ServiceResult<BusinessCalendar> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ServiceResult<BusinessCalendar>.Failure("calendar", "The calendar is empty; give working hours and a time zone, or make it 24/7.");
        }

        BusinessCalendar? calendar;
        try
        {
            if (HolidayWithoutDate(json) is { } error)
            {
                return ServiceResult<BusinessCalendar>.Invalid([error]);
            }

            calendar = JsonSerializer.Deserialize<BusinessCalendar>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 2 } path ? $" at {path[2..]}" : "";
            return ServiceResult<BusinessCalendar>.Failure(
                "calendar", $"The calendar is not valid{where}: write days like Monday, times like 09:00 and dates like 2026-12-25.");
        }

        if (calendar is null)
        {
            return ServiceResult<BusinessCalendar>.Failure("calendar", "The calendar is empty; give working hours and a time zone, or make it 24/7.");
        }

        var errors = calendar.Validate();
        return errors.Count == 0 ? ServiceResult<BusinessCalendar>.Ok(calendar) : ServiceResult<BusinessCalendar>.Invalid(errors);
    }

    /// <summary>Holidays are whole days: a time of day (or anything but a plain date) is refused with the value quoted.</summary>
    private static FieldError? HolidayWithoutDate(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("holidays", out var holidays)
            || holidays.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var holiday in holidays.EnumerateArray())
        {
            var date = holiday.ValueKind == JsonValueKind.Object && holiday.TryGetProperty("date", out var value) ? value : holiday;
            if (date.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return new FieldError("holidays", $"Holiday {date.GetRawText()} is not a date: holidays are whole days in the calendar's time zone, written like 2026-12-25.");
            }
        }

        return null;
    }

    /// <summary>Wall-clock times as "09:00", the way admins write them; seconds are accepted when given.</summary>
    private sealed class WallClockConverter : JsonConverter<TimeOnly>
    {
        private static readonly string[] Formats = ["HH:mm", "HH:mm:ss"];

        public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
            && TimeOnly.TryParseExact(reader.GetString(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                ? time
                : throw new JsonException("Times are written like 09:00.");

        public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString(value.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture));
    }
}
