using Microsoft.Data.Sqlite;

namespace Graph.Store.Sqlite;

/// <summary>Failures: SQLite's errors become <see cref="GraphStoreException"/>s, transient or not, with a reason fit for a
/// client and without the file's location.</summary>
public sealed partial class SqliteGraphStore
{
    private async Task<T> Guard<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (SqliteException e)
        {
            throw Translate(e);
        }
        catch (IOException e)
        {
            throw new GraphStoreException($"SQLite store {Path}: {e.Message}", isTransient: false, e) { Reason = "the store's folder cannot be used" };
        }
        catch (UnauthorizedAccessException e)
        {
            throw new GraphStoreException($"SQLite store {Path}: {e.Message}", isTransient: false, e) { Reason = "the store's folder is not writable" };
        }
    }

    private GraphStoreException Translate(SqliteException e)
    {
        // Primary result codes: https://www.sqlite.org/rescode.html
        var (reason, transient) = (e.SqliteErrorCode & 0xFF) switch
        {
            5 or 6 => ("the database is busy or locked by another process", true),
            8 => ("the database file is read-only", false),
            10 => ("a disk I/O error occurred", true),
            11 or 26 => ("the file is corrupt or not a SQLite database", false),
            13 => ("the disk is full", false),
            14 => ("the file cannot be opened", false),
            _ => (e.Message, false),
        };
        return new GraphStoreException($"SQLite store {Path}: {reason}.", transient, e) { Reason = reason == e.Message ? null : reason };
    }
}
