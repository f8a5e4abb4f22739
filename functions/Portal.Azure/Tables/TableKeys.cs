using System.Text;

namespace Portal.Azure.Tables;

/// <summary>
/// Makes any text safe as a PartitionKey or RowKey: the characters Azure Tables forbid
/// (<c>/ \ # ?</c>, control characters) and <c>%</c> itself are percent-encoded.
/// </summary>
internal static class TableKeys
{
    public static string Encode(string value)
    {
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
