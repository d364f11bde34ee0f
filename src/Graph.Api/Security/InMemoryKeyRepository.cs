using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Graph.Api.Security;

/// <summary>Keeps data-protection keys in memory only: the service protects nothing that outlives the process (no cookies, no
/// antiforgery tokens), so no key is ever written to disk and none needs encrypting at rest.</summary>
internal sealed class InMemoryKeyRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_elements)
            return [.. _elements.Select(e => new XElement(e))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_elements)
            _elements.Add(new XElement(element));
    }
}
