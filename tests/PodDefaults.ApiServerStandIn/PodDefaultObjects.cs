using System.Text.Json.Nodes;

namespace PodDefaults.ApiServerStandIn;

/// <summary>PodDefault objects to put in the store.</summary>
public static class PodDefaultObjects
{
    /// <summary>A PodDefault that selects pods labelled <c>app=<paramref name="app"/></c> and sets one env var.</summary>
    public static JsonObject Env(string @namespace, string name, string app, string envName, string envValue) => new()
    {
        ["apiVersion"] = WireJson.ApiVersion,
        ["kind"] = "PodDefault",
        ["metadata"] = new JsonObject { ["namespace"] = @namespace, ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["desc"] = $"{envName} for {app}",
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } },
            ["env"] = new JsonArray(new JsonObject { ["name"] = envName, ["value"] = envValue }),
        },
    };

    /// <summary>An object the webhook cannot use: <c>spec.env</c> is a string.</summary>
    public static JsonObject Broken(string @namespace, string name) => new()
    {
        ["apiVersion"] = WireJson.ApiVersion,
        ["kind"] = "PodDefault",
        ["metadata"] = new JsonObject { ["namespace"] = @namespace, ["name"] = name },
        ["spec"] = new JsonObject { ["selector"] = new JsonObject(), ["env"] = "not a list" },
    };
}
