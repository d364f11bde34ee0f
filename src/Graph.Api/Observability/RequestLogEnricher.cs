using Serilog.Core;
using Serilog.Events;

namespace Graph.Api.Observability;

/// <summary>Adds the request id and the operation name to every log event of a request, read when the event is written, so the
/// operation named later by the GraphQL endpoint is on the request's completion line too.</summary>
internal sealed class RequestLogEnricher(HttpContext context) : ILogEventEnricher
{
    private const string OperationKey = "graph:operation";

    /// <summary>Names the request's operation (the GraphQL operation name, or several for a batch); a name that is not a GraphQL
    /// name (a client can send anything) is logged as "(invalid)".</summary>
    public static void SetOperation(HttpContext context, IEnumerable<string?> operations) =>
        context.Items[OperationKey] = string.Join(',', operations.Select(o =>
            string.IsNullOrEmpty(o) ? "(anonymous)" : o.Length <= 100 && o.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? o : "(invalid)"));

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RequestId", context.TraceIdentifier));
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("OperationName", Operation()));
    }

    private string Operation()
    {
        if (context.Items.TryGetValue(OperationKey, out var name) && name is string operation)
            return operation;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Printable(context.Request.Path.Value);
        return $"{context.Request.Method} {route}";
    }

    /// <summary>Text a client sent (a decoded URL path), safe to write into a log line: control characters (C0, DEL, C1) and
    /// characters that reorder text are written as <c>\uXXXX</c>, so "%0a[12:00:00 ERR] forged" or an ANSI escape cannot forge
    /// a line of the text log or colour a terminal.</summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(Unprintable))
            return text ?? "";
        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unprintable(c))
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else
                builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool Unprintable(char c) => char.IsControl(c) || Graph.Domain.FieldRules.ReordersText(c) || c is '\u2028' or '\u2029';
}
