using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PodDefaults.ApiServerStandIn;

/// <summary>
/// LIST with <c>limit</c> and <c>continue</c>. Like etcd, every page of one list shows the same state: the first page
/// saves it, the continue token names it, and <see cref="ExpireContinueTokens"/> forgets them all (410 Expired).
/// </summary>
public sealed class ListHandler(ObjectStore store)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<JsonObject> Items, long ResourceVersion)> lists = new();

    public void ExpireContinueTokens() => lists.Clear();

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : int.MaxValue;
        var (listId, offset) = (Guid.NewGuid().ToString("N"), 0);
        (IReadOnlyList<JsonObject> Items, long ResourceVersion) state;
        if (query["continue"].ToString() is { Length: > 0 } token)
        {
            var parts = token.Split(':');
            if (parts.Length != 2 || !lists.TryGetValue(parts[0], out state) || !int.TryParse(parts[1], out offset))
            {
                await StandInApiServer.WriteStatusAsync(context, 410, "The provided continue parameter is too old to display a consistent list result.");
                return;
            }

            listId = parts[0];
        }
        else
        {
            state = store.List();
            lists[listId] = state;
        }

        var page = state.Items.Skip(offset).Take(limit).ToList();
        var next = offset + page.Count;
        var metadata = new JsonObject { ["resourceVersion"] = state.ResourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (next < state.Items.Count)
        {
            metadata["continue"] = $"{listId}:{next}";
            metadata["remainingItemCount"] = state.Items.Count - next;
        }

        var body = new JsonObject
        {
            ["kind"] = "PodDefaultList",
            ["apiVersion"] = WireJson.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. page.Select(item => item.DeepClone())]),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(WireJson.Serialize(body));
    }
}
