using System.Globalization;
using System.Reflection;

namespace Portal.LocalHost.Http;

/// <summary>Converts route values to the function's parameter types: string, int, long, Guid (or their nullable forms).</summary>
internal static class RouteValueConverter
{
    public const string SupportedTypes = "string, int, long, Guid and their nullable forms";

    public static bool IsSupported(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(Guid));

    public static bool AcceptsNull(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(string) || Nullable.GetUnderlyingType(parameter.ParameterType) is not null;

    /// <summary>A missing (optional) value becomes the parameter's default, or null.</summary>
    /// <returns>False when the value does not convert; the caller answers 404 as for a failed route constraint.</returns>
    public static bool TryConvert(string? raw, ParameterInfo parameter, out object? value)
    {
        if (string.IsNullOrEmpty(raw))
        {
            value = parameter.HasDefaultValue ? parameter.DefaultValue : null;
            return true;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        (var converted, value) = type switch
        {
            _ when type == typeof(int) => (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i), i),
            _ when type == typeof(long) => (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l), l),
            _ when type == typeof(Guid) => (Guid.TryParse(raw, out var g), g),
            _ => (true, (object?)raw),
        };
        return converted;
    }
}
