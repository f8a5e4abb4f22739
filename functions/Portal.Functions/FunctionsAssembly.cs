namespace Portal.Functions;

/// <summary>Marks the assembly whose [Function] methods the hosts serve.</summary>
public static class FunctionsAssembly
{
    public static System.Reflection.Assembly Value => typeof(FunctionsAssembly).Assembly;
}
