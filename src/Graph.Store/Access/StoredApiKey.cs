namespace Graph.Store.Access;

/// <summary>A key as an access store holds it: the key and the SHA-256 hash of its secret.</summary>
public sealed record StoredApiKey(ApiKey Key, byte[] SecretHash);
