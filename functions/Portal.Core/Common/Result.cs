using System.Diagnostics.CodeAnalysis;

namespace Portal.Core.Common;

/// <summary>Either a value or a <see cref="Failure"/>; use cases return it instead of throwing for expected outcomes.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly struct Result<T>
{
    private Result(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The value when the use case succeeded.</summary>
    public T? Value { get; }

    /// <summary>The failure when it did not.</summary>
    public Failure? Failure { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    /// <summary>Wraps a value.</summary>
    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>Wraps a failure.</summary>
    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}
