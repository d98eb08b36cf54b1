using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodDefaults.Webhook.Yaml;

/// <summary>
/// Composes documents from parser events (the YAML spec's compose step): builds each document's node graph
/// and binds every alias to the node its anchor named earlier in the same document.
/// </summary>
internal sealed class YamlComposer(YamlEventReader events)
{
    /// <summary>The next document, or null at the end of the stream.</summary>
    public ComposedDocument? ReadDocument()
    {
        var next = events.Next();
        if (next is StreamStart)
        {
            next = events.Next();
        }

        return next is DocumentStart ? Compose() : null;
    }

    private ComposedDocument Compose()
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var open = new Stack<OpenCollection>();
        YamlNode? root = null;
        var count = 0;

        while (events.Next() is { } next and not DocumentEnd)
        {
            switch (next)
            {
                case Scalar scalar:
                    Add(Anchor(scalar.Anchor, new YamlScalar(At(scalar), scalar.Value, scalar.Style, scalar.Tag)));
                    break;
                case AnchorAlias alias:
                    Add(new YamlAlias(At(alias), Target(alias)));
                    break;
                case SequenceStart sequence:
                    Open(Anchor(sequence.Anchor, new YamlSequence(At(sequence))));
                    break;
                case MappingStart mapping:
                    Open(Anchor(mapping.Anchor, new YamlMapping(At(mapping))));
                    break;
                case SequenceEnd or MappingEnd:
                    open.Pop();
                    break;
            }
        }

        return new ComposedDocument(
            root ?? throw new InvalidOperationException("The YAML parser ended a document that had no node."), count);

        void Add(YamlNode node)
        {
            count++;
            if (open.Count == 0)
            {
                root = node;
            }
            else
            {
                open.Peek().Add(node);
            }
        }

        void Open(YamlNode collection)
        {
            if (open.Count == YamlLimits.MaxDepth)
            {
                throw new YamlToJsonException(
                    collection.Position, $"mappings and sequences nest deeper than {YamlLimits.MaxDepth} levels");
            }

            Add(collection);
            open.Push(new OpenCollection(collection));
        }

        YamlNode Anchor(AnchorName anchor, YamlNode node)
        {
            if (!anchor.IsEmpty)
            {
                anchors[anchor.Value] = node; // a later anchor of the same name replaces the earlier one
            }

            return node;
        }

        YamlNode Target(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (!anchors.TryGetValue(name, out var target))
            {
                throw new YamlToJsonException(
                    At(alias), $"alias *{name} has no anchor &{name} before it in this document");
            }

            if (open.Any(collection => collection.Node == target))
            {
                throw new YamlToJsonException(
                    At(alias), $"alias *{name} is inside the node it names; JSON cannot repeat a node inside itself");
            }

            return target;
        }
    }

    private static YamlPosition At(ParsingEvent e) => YamlPosition.From(e.Start);

    /// <summary>A mapping or sequence whose end event has not come yet.</summary>
    private sealed class OpenCollection(YamlNode node)
    {
        private YamlNode? pendingKey;

        public YamlNode Node { get; } = node;

        public void Add(YamlNode child)
        {
            if (Node is YamlSequence sequence)
            {
                sequence.Items.Add(child);
            }
            else if (pendingKey is null)
            {
                pendingKey = child;
            }
            else
            {
                ((YamlMapping)Node).Entries.Add((pendingKey, child));
                pendingKey = null;
            }
        }
    }
}
