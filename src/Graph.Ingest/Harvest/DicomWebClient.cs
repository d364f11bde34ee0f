using System.Net;
using System.Net.Http.Headers;
using Graph.Dicom;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Harvest;

/// <summary>Sends GET requests to one repository's DICOMweb root and reads DICOM JSON answers, with a timeout per attempt,
/// retries with exponential back-off for transient failures, and the repository's circuit.</summary>
/// <remarks>
/// Transient: HTTP 5xx, 408 and 429 (Retry-After is honoured), timeouts, refused or broken connections. A request that
/// still fails after its attempts counts as one failure of the circuit; any answer from the server counts as a success.
/// Error messages name the repository, its base URL and the HTTP status, never the credentials.
/// </remarks>
internal sealed class DicomWebClient
{
    // Bulk data is of no use to the catalogue: no binary value is loaded.
    private static readonly DicomReadOptions HeaderOnly = new() { MaxInlineBinaryLength = 0 };
    private static readonly MediaTypeWithQualityHeaderValue DicomJsonType = new("application/dicom+json");

    private readonly HttpClient _http;
    private readonly HarvestOptions _options;
    private readonly RepositoryCircuit _circuit;
    private readonly ILogger _logger;

    public DicomWebClient(HttpClient http, Uri baseUri, HarvestOptions options, RepositoryCircuit circuit, ILogger logger)
    {
        _http = http;
        _options = options;
        _circuit = circuit;
        _logger = logger;
        BaseUri = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
    }

    /// <summary>The DICOMweb root, ending with a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>The repository's slug.</summary>
    public string Repository => _options.Repository;

    /// <summary>Gets a path under the root and reads the DICOM JSON array it answers (204 No Content is an empty array).</summary>
    /// <param name="relativeUri">The path and query under the root (studies?..., studies/UID/series/...).</param>
    /// <param name="what">What the request is, for messages ("the QIDO-RS study query").</param>
    /// <param name="cancellationToken">Cancels the request and its retries.</param>
    /// <exception cref="DicomWebException">The repository refused, failed after every attempt, answered malformed JSON, or its circuit is open.</exception>
    public async Task<IReadOnlyList<DicomDataset>> GetAsync(string relativeUri, string what, CancellationToken cancellationToken)
    {
        if (_circuit.OpenUntil is { } until)
        {
            throw new DicomWebException(
                Repository,
                $"Repository '{Repository}' was not asked for {what}: its circuit is open until {until:u} after {_circuit.ConsecutiveFailures} consecutive failed requests.",
                null,
                isTransient: true)
            { CircuitOpen = true };
        }

        var uri = new Uri(BaseUri, relativeUri);
        string problem = "no attempt was made";
        int? status = null;
        TimeSpan? retryAfter = null;
        Exception? cause = null;
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                var delay = Delay(attempt, retryAfter);
                HarvestLog.Retrying(_logger, Repository, what, problem, attempt, _options.MaxAttempts, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.Add(DicomJsonType);
                request.Headers.Authorization = _options.Credentials.Header();
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var code = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var result = response.StatusCode == HttpStatusCode.NoContent ? [] : await ReadAsync(response, what, timeout.Token).ConfigureAwait(false);
                    _circuit.RecordSuccess();
                    return result;
                }

                if (!IsTransient(code))
                {
                    _circuit.RecordSuccess();
                    throw Refused(code, response.ReasonPhrase, what);
                }

                (status, problem, cause) = (code, $"HTTP {code} ({response.ReasonPhrase})", null);
                retryAfter = response.Headers.RetryAfter?.Delta ?? (response.Headers.RetryAfter?.Date - DateTimeOffset.UtcNow);
            }
            catch (HttpRequestException e)
            {
                (status, problem, cause, retryAfter) = (null, e.Message, e, null);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                (status, problem, cause, retryAfter) = (null, $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", e, null);
            }
            catch (IOException e)
            {
                (status, problem, cause, retryAfter) = (null, $"the connection broke ({e.Message})", e, null);
            }
        }

        _circuit.RecordFailure();
        var message = status is null
            ? $"Repository '{Repository}' could not be reached at {BaseUri} for {what}: {problem}, after {_options.MaxAttempts} attempts."
            : $"Repository '{Repository}' answered {problem} to {what}, after {_options.MaxAttempts} attempts.";
        throw new DicomWebException(Repository, message, status, isTransient: true, cause);
    }

    private static bool IsTransient(int status) => status is >= 500 or 408 or 429;

    private async Task<IReadOnlyList<DicomDataset>> ReadAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            try
            {
                return await DicomJson.ReadArrayAsync(body, HeaderOnly, cancellationToken).ConfigureAwait(false);
            }
            catch (DicomReadException e)
            {
                throw new DicomWebException(Repository, $"Repository '{Repository}' answered {what} with malformed DICOM JSON: {e.Reason}.", (int)response.StatusCode, isTransient: false, e);
            }
        }
    }

    private DicomWebException Refused(int status, string? reason, string what)
    {
        var message = status is 401 or 403
            ? $"Repository '{Repository}' refused the harvester's credentials ({_options.Credentials}): HTTP {status} ({reason}) to {what}. "
              + $"Check the credentials configured for it (Graph:Harvest:Repositories:{Repository})."
            : $"Repository '{Repository}' answered HTTP {status} ({reason}) to {what}.";
        return new DicomWebException(Repository, message, status, isTransient: false);
    }

    private TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var backOff = _options.RetryDelay * Math.Pow(2, attempt - 2) * (0.75 + (Random.Shared.NextDouble() / 2));
        var wanted = retryAfter is { } after && after > backOff ? after : backOff;
        return wanted < _options.MaxRetryDelay ? wanted : _options.MaxRetryDelay;
    }
}
