using Portal.Core.Labs.Results;

namespace Portal.Tests.Labs;

public class UcumUnitsTests
{
    [Theory]
    [InlineData(1.2, "g/dL", "g/L", 12)]
    [InlineData(150, "mg/dL", "g/L", 1.5)]
    [InlineData(250, "10*3/uL", "10*9/L", 250)]
    [InlineData(4.5, "10*6/uL", "10*12/L", 4.5)]
    [InlineData(5, "ug/dL", "ug/L", 50)]
    [InlineData(30, "ng/mL", "ug/L", 30)]
    [InlineData(140, "mmol/L", "mol/L", 0.14)]
    [InlineData(35, "U/L", "U/L", 35)]
    [InlineData(6.5, "%", "%", 6.5)]
    public void Units_of_one_kind_convert(double value, string from, string to, double expected)
    {
        Assert.True(UcumUnits.TryConvert((decimal)value, from, to, out var converted));
        Assert.Equal((decimal)expected, converted);
    }

    [Theory]
    [InlineData("mg/dL", "mmol/L")]
    [InlineData("%", "mmol/mol")]
    [InlineData("U/L", "g/L")]
    [InlineData("mg/dL", "furlongs")]
    public void Units_of_different_kinds_do_not(string from, string to) =>
        Assert.False(UcumUnits.TryConvert(1m, from, to, out _));
}
