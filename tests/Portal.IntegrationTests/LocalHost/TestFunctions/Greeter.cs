namespace Portal.IntegrationTests.LocalHost.TestFunctions;

/// <summary>A scoped service injected into a test function class.</summary>
public sealed class Greeter
{
    public string Greet(string name) => $"Hello, {name}";
}
