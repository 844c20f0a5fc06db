using SupportDesk.Data.Export;

namespace SupportDesk.Tests.Export;

public class CsvWriterTests
{
    [Fact]
    public void Plain_cells_are_joined_by_commas_and_end_in_crlf() =>
        Assert.Equal("1,Printer,\r\n", CsvWriter.Format(["1", "Printer", null]));

    [Fact]
    public void Cells_with_separators_quotes_or_line_breaks_are_quoted() =>
        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n", CsvWriter.Format(["a,b", "say \"hi\"", "two\nlines"]));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void Formula_like_text_cannot_run_in_a_spreadsheet(string typed, string written) =>
        Assert.Equal(written + "\r\n", CsvWriter.Format([typed]));

    [Fact]
    public void Numbers_and_times_read_the_same_in_every_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("1.5", CsvWriter.Invariant(1.5));
            Assert.Equal("2026-03-29T01:30:00Z", CsvWriter.Invariant(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task Rows_are_written_as_they_come()
    {
        await using var text = new StringWriter();
        var csv = new CsvWriter(text);
        await csv.WriteRowAsync("Number", "Title");
        await csv.WriteRowAsync("T-1", "Printer");
        Assert.Equal("Number,Title\r\nT-1,Printer\r\n", text.ToString());
    }
}
