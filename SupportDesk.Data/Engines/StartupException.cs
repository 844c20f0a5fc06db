namespace SupportDesk.Data.Engines;

/// <summary>A configuration or environment problem that must stop start-up with one clear message.</summary>
public sealed class StartupException : Exception
{
    public StartupException()
    {
    }

    public StartupException(string message)
        : base(message)
    {
    }

    public StartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
