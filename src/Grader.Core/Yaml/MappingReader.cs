using Grader.Diagnostics;

namespace Grader.Yaml;

/// <summary>
/// Reads a YAML mapping against a list of known keys: an unknown key is an error
/// that suggests the closest known one (`nodez` → `nodes`).
/// </summary>
public sealed class MappingReader
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private MappingReader(YamlNode node)
    {
        Node = node;
        foreach (var (key, value) in node.Entries)
        {
            _entries[key.Value] = (key, value);
        }
    }

    public YamlNode Node { get; }

    /// <summary>Whether the mapping had a key that is not known (already reported).</summary>
    public bool HasUnknownKeys { get; private set; }

    /// <summary>Reads a mapping; reports `what` as expected when the node is something else.</summary>
    public static MappingReader? Open(YamlNode node, string what, List<Diagnostic> diagnostics, string[] known)
    {
        if (node.Kind != YamlKind.Mapping)
        {
            diagnostics.Add(Diagnostic.Error(node.Position, $"expected {what}, got {node.Describe()}"));
            return null;
        }

        var reader = new MappingReader(node);
        foreach (var (key, _) in node.Entries)
        {
            if (!known.Contains(key.Value))
            {
                reader.HasUnknownKeys = true;
                var hint = Suggest.Hint(key.Value, known);
                var list = hint.Length > 0 ? hint : $"; known keys: {string.Join(", ", known)}";
                diagnostics.Add(Diagnostic.Error(key.Position, $"unknown key `{key.Value}` in {what}{list}"));
            }
        }

        return reader;
    }

    public YamlNode? this[string key] => _entries.TryGetValue(key, out var entry) ? entry.Value : null;

    public SourcePosition? KeyPosition(string key) =>
        _entries.TryGetValue(key, out var entry) ? entry.Key.Position : null;

    public bool Has(string key) => _entries.ContainsKey(key);
}
