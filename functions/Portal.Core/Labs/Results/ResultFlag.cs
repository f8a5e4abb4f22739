namespace Portal.Core.Labs.Results;

/// <summary>What a patient sees of an observation's abnormal flags (HL7 table 0078 folded to four words).</summary>
public enum ResultFlag
{
    /// <summary>Above the reference range (H, &gt;).</summary>
    High,

    /// <summary>Below the reference range (L, &lt;).</summary>
    Low,

    /// <summary>Outside the panic limits (HH, LL, AA): the lab calls the clinic.</summary>
    Critical,

    /// <summary>Abnormal without a direction (A, POS, DET).</summary>
    Abnormal,
}

/// <summary>Folds lab flags to <see cref="ResultFlag"/>s.</summary>
public static class ResultFlags
{
    /// <summary>The distinct patient-facing flags of the codes, in a stable order.</summary>
    public static IReadOnlyList<ResultFlag> From(IEnumerable<AbnormalFlag> flags)
    {
        var set = new SortedSet<ResultFlag>();
        foreach (var flag in flags)
        {
            switch (flag.Kind)
            {
                case AbnormalFlagKind.High or AbnormalFlagKind.AboveScale:
                    set.Add(ResultFlag.High);
                    break;
                case AbnormalFlagKind.Low or AbnormalFlagKind.BelowScale:
                    set.Add(ResultFlag.Low);
                    break;
                case AbnormalFlagKind.CriticallyHigh:
                    set.Add(ResultFlag.Critical);
                    set.Add(ResultFlag.High);
                    break;
                case AbnormalFlagKind.CriticallyLow:
                    set.Add(ResultFlag.Critical);
                    set.Add(ResultFlag.Low);
                    break;
                case AbnormalFlagKind.CriticallyAbnormal:
                    set.Add(ResultFlag.Critical);
                    break;
                case AbnormalFlagKind.Abnormal or AbnormalFlagKind.Positive or AbnormalFlagKind.Detected:
                    set.Add(ResultFlag.Abnormal);
                    break;
            }
        }

        return [.. set];
    }

    /// <summary>The union of several observations' flags.</summary>
    public static IReadOnlyList<ResultFlag> Union(IEnumerable<IReadOnlyList<ResultFlag>> flags) => [.. new SortedSet<ResultFlag>(flags.SelectMany(f => f))];
}
