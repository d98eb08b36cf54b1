namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Works out the JSON members of a mapping: its own keys, each once (a key written twice is an error), plus
/// what merge keys bring in (<c>&lt;&lt;: *base</c> or <c>&lt;&lt;: [*a, *b]</c>). As in go-yaml, the mapping's
/// own keys win over merged ones wherever the merge key stands, and an earlier merged mapping wins over a later
/// one. Merged members sit where the merge key is.
/// </summary>
internal static class YamlMappingMembers
{
    public static IReadOnlyList<YamlMember> Of(YamlMapping mapping)
    {
        return mapping.Members ??= Compute(mapping);
    }

    private static List<YamlMember> Compute(YamlMapping mapping)
    {
        // Own keys first, so that a merged member can tell it is overridden by a key written after the merge key.
        var names = new string?[mapping.Entries.Count];
        var own = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        YamlNode? mergeKey = null;
        for (var i = 0; i < names.Length; i++)
        {
            var key = mapping.Entries[i].Key;
            if (YamlMappingKey.IsMerge(key))
            {
                if (mergeKey is not null)
                {
                    throw Duplicate("<<", key, mergeKey);
                }

                mergeKey = key;
                continue;
            }

            var name = YamlMappingKey.NameOf(key);
            if (!own.TryAdd(name, key))
            {
                throw Duplicate(name, key, own[name]);
            }

            names[i] = name;
        }

        var members = new List<YamlMember>(names.Length);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var (key, value) = mapping.Entries[i];
            if (names[i] is { } name)
            {
                members.Add(new YamlMember(name, key, value));
                continue;
            }

            foreach (var source in MergeSources(value))
            {
                foreach (var member in Of(source))
                {
                    if (!own.ContainsKey(member.Name) && merged.Add(member.Name))
                    {
                        members.Add(member);
                    }
                }
            }
        }

        return members;
    }

    /// <summary>A mapping, an alias of one, or a sequence (written out, not aliased) of those.</summary>
    private static IEnumerable<YamlMapping> MergeSources(YamlNode value)
    {
        if (value is YamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                yield return Dereference(item) as YamlMapping ?? throw NotMergeable(item);
            }
        }
        else
        {
            yield return Dereference(value) as YamlMapping ?? throw NotMergeable(value);
        }
    }

    private static YamlNode Dereference(YamlNode node) => node is YamlAlias alias ? alias.Target : node;

    private static YamlToJsonException NotMergeable(YamlNode node) => new(
        node.Position, "a merge key (<<) takes a mapping, an alias of one, or a sequence of them");

    private static YamlToJsonException Duplicate(string name, YamlNode key, YamlNode first) => new(
        key.Position, $"duplicate key '{name}' in one mapping (first at line {first.Position.Line})");
}
