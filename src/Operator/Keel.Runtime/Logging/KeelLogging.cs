using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Keel.Runtime.Logging;

public enum LogFormat
{
    /// <summary>One line per entry for people, with scopes (controller, namespace, name, reconcileID).</summary>
    Console,

    /// <summary>One JSON object per line for log pipelines, scopes as properties.</summary>
    Json,
}

/// <summary>Structured logging set up the way the runtime expects: scopes on, UTC timestamps.</summary>
public static class KeelLogging
{
    public static ILoggingBuilder AddKeelLogging(this ILoggingBuilder builder, LogFormat format = LogFormat.Console, LogLevel minimum = LogLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ClearProviders();
        builder.SetMinimumLevel(minimum);
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (format == LogFormat.Json)
        {
            builder.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
                o.ColorBehavior = LoggerColorBehavior.Default;
            });
        }

        return builder;
    }

    /// <summary>A logger factory with <see cref="AddKeelLogging"/> for programs that do not use a host.</summary>
    public static ILoggerFactory CreateFactory(LogFormat format = LogFormat.Console, LogLevel minimum = LogLevel.Information)
        => LoggerFactory.Create(b => b.AddKeelLogging(format, minimum));
}
