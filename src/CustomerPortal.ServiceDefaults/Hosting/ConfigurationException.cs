namespace CustomerPortal.ServiceDefaults.Hosting;

/// <summary>
/// A mistake in what the operator provides (a setting, a seed, theme or key file): the process
/// stops at start-up with a message that names it, and no stack trace. Every other exception is a
/// bug and keeps its stack trace.
/// </summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

public static class StartupErrors
{
    /// <summary>
    /// Whether an exception at start-up is the operator's mistake: ours, options validation, or a
    /// value the configuration binder could not convert (a lifetime that is not a time span).
    /// </summary>
    public static bool IsConfigurationMistake(this Exception error) => error is ConfigurationException
        or Microsoft.Extensions.Options.OptionsValidationException
        or InvalidOperationException { Source: "Microsoft.Extensions.Configuration.Binder" };
}
