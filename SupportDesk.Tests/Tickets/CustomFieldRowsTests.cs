using SupportDesk.Web.Components.Tickets;

namespace SupportDesk.Tests.Tickets;

public sealed class CustomFieldRowsTests
{
    [Fact]
    public void Text_values_become_plain_rows_and_other_values_keep_their_json_unless_edited()
    {
        var rows = CustomFieldRows.Parse("""{"order": "A-1", "seats": 12, "vip": true}""")!;

        Assert.Equal([("order", "A-1"), ("seats", "12"), ("vip", "true")], rows.Select(r => (r.Name, r.Value)));
        Assert.Equal("""{"order":"A-1","seats":12,"vip":true}""", CustomFieldRows.ToJson(rows).Json);
        rows[1].Value = "twelve";
        Assert.Equal("""{"order":"A-1","seats":"twelve","vip":true}""", CustomFieldRows.ToJson(rows).Json);
    }

    [Fact]
    public void Empty_rows_are_dropped_while_a_value_without_a_name_or_a_repeated_name_is_explained()
    {
        CustomFieldRow[] blank = [new() { Name = " order ", Value = "A-1" }, new()];
        CustomFieldRow[] nameless = [new() { Value = "A-1" }];
        CustomFieldRow[] repeated = [new() { Name = "order", Value = "A-1" }, new() { Name = "order ", Value = "A-2" }];

        Assert.Equal(("""{"order":"A-1"}""", (string?)null), CustomFieldRows.ToJson(blank));
        Assert.Equal("Give the value \"A-1\" a field name.", CustomFieldRows.ToJson(nameless).Problem);
        Assert.Equal("The field name \"order\" is used twice.", CustomFieldRows.ToJson(repeated).Problem);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"order\": ")]
    public void Text_that_is_not_a_json_object_has_no_rows(string json) => Assert.Null(CustomFieldRows.Parse(json));

    [Fact]
    public void Nothing_stored_is_an_empty_object() => Assert.Empty(CustomFieldRows.Parse("")!);
}
