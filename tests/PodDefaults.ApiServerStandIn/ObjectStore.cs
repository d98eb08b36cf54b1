using System.Text.Json.Nodes;

namespace PodDefaults.ApiServerStandIn;

/// <summary>
/// The stand-in's etcd and watch cache: PodDefaults by namespace/name, a resourceVersion counter, the history of
/// changes a watch replays from, and the open watches. Thread-safe.
/// </summary>
public sealed class ObjectStore
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, JsonObject> objects = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> history = [];
    private readonly List<WatchSubscription> watches = [];
    private long resourceVersion = 1;
    private long compactedThrough;
    private bool muted;

    public long ResourceVersion { get { lock (gate) return resourceVersion; } }

    /// <summary>Oldest resourceVersion a watch may start from; older ones get 410.</summary>
    public long CompactedThrough { get { lock (gate) return compactedThrough; } }

    public int Count { get { lock (gate) return objects.Count; } }

    public int OpenWatches { get { lock (gate) return watches.Count; } }

    /// <summary>Creates or replaces the object (ADDED or MODIFIED); returns its new resourceVersion.</summary>
    public string Put(JsonObject obj)
    {
        lock (gate)
        {
            var key = WireJson.Key(obj);
            var type = objects.ContainsKey(key) ? "MODIFIED" : "ADDED";
            var stored = (JsonObject)obj.DeepClone();
            stored["kind"] = "PodDefault";
            stored["apiVersion"] = WireJson.ApiVersion;
            var metadata = stored["metadata"]!.AsObject();
            metadata["resourceVersion"] = (++resourceVersion).ToString();
            metadata["uid"] ??= Guid.NewGuid().ToString();
            metadata["creationTimestamp"] ??= "2024-01-01T00:00:00Z";
            objects[key] = stored;
            Record(type, stored);
            return resourceVersion.ToString();
        }
    }

    /// <summary>Deletes the object if it exists (DELETED with its last state at a new resourceVersion).</summary>
    public bool Delete(string @namespace, string name)
    {
        lock (gate)
        {
            if (!objects.Remove($"{@namespace}/{name}", out var gone))
                return false;
            gone["metadata"]!["resourceVersion"] = (++resourceVersion).ToString();
            Record("DELETED", gone);
            return true;
        }
    }

    public JsonObject? Get(string @namespace, string name)
    {
        lock (gate)
            return objects.TryGetValue($"{@namespace}/{name}", out var obj) ? (JsonObject)obj.DeepClone() : null;
    }

    /// <summary>Changes made in <paramref name="changes"/> go to the history but not to open watches, as if they missed them.</summary>
    public void Silently(Action changes)
    {
        lock (gate)
        {
            muted = true;
            try
            {
                changes();
            }
            finally
            {
                muted = false;
            }
        }
    }

    /// <summary>Writes to other resources move the shared resourceVersion without PodDefault events.</summary>
    public long AdvanceResourceVersion(int by)
    {
        lock (gate)
            return resourceVersion += by;
    }

    /// <summary>Forgets the history, as etcd compaction does: watching from any version before now gets 410.</summary>
    public void Compact()
    {
        lock (gate)
        {
            history.Clear();
            compactedThrough = resourceVersion;
        }
    }

    /// <summary>Every object, sorted by namespace/name, and the resourceVersion of that state.</summary>
    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List()
    {
        lock (gate)
            return ([.. objects.Values.Select(o => (JsonObject)o.DeepClone())], resourceVersion);
    }

    /// <summary>Opens a watch after <paramref name="from"/>: the events it missed are queued first.</summary>
    /// <returns>Null when <paramref name="from"/> is older than the history (410).</returns>
    public WatchSubscription? Watch(long from, bool bookmarks)
    {
        lock (gate)
        {
            if (from < compactedThrough)
                return null;
            var watch = new WatchSubscription(bookmarks);
            foreach (var missed in history.Where(e => e.ResourceVersion > from))
                watch.Send(new WatchMessage.Line(missed.Line));
            watches.Add(watch);
            return watch;
        }
    }

    public void Unwatch(WatchSubscription watch)
    {
        lock (gate)
            watches.Remove(watch);
    }

    /// <summary>Sends to every open watch (a bookmark only to those that asked for bookmarks).</summary>
    public void Broadcast(WatchMessage message)
    {
        lock (gate)
        {
            foreach (var watch in watches)
            {
                if (message is not WatchMessage.Line { IsBookmark: true } || watch.Bookmarks)
                    watch.Send(message);
            }
        }
    }

    /// <summary>A BOOKMARK at the current resourceVersion to every watch that allows them.</summary>
    public long Bookmark()
    {
        lock (gate)
        {
            Broadcast(new WatchMessage.Line(WireJson.BookmarkLine(resourceVersion), IsBookmark: true));
            return resourceVersion;
        }
    }

    private void Record(string type, JsonObject obj)
    {
        var change = new StoredEvent(resourceVersion, type, WireJson.EventLine(type, obj));
        history.Add(change);
        if (!muted)
            Broadcast(new WatchMessage.Line(change.Line));
    }
}
