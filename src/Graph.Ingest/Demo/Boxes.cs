namespace Graph.Ingest.Demo;

/// <summary>Boxed numbers shared between property sets, since a million series repeat the same few hundred values.</summary>
internal static class Boxes
{
    private const int Cached = 2200;
    private static readonly object[] Longs = Create(i => (long)i);
    private static readonly object[] Doubles = Create(i => (double)i);
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>Returns a shared boxed bool.</summary>
    public static object Bool(bool value) => value ? True : False;

    /// <summary>Returns a boxed long, shared when the value is small.</summary>
    public static object Long(long value) => (ulong)value < Cached ? Longs[value] : value;

    /// <summary>Returns a boxed double of a whole number, shared when the value is small.</summary>
    public static object Whole(long value) => (ulong)value < Cached ? Doubles[value] : (double)value;

    private static object[] Create(Func<int, object> box)
    {
        var boxes = new object[Cached];
        for (var i = 0; i < boxes.Length; i++)
            boxes[i] = box(i);
        return boxes;
    }
}
