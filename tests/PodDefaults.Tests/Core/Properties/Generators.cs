namespace PodDefaults.Tests.Core.Properties;

/// <summary>Small combinators the pod and PodDefault generators are built from.</summary>
internal static class Generators
{
    /// <summary>True with the given chance, in percent.</summary>
    public static Gen<bool> Chance(int percent) => Gen.Int[0, 99].Select(roll => roll < percent);

    /// <summary>The generated value with the given chance, else null (the member is then left out).</summary>
    public static Gen<T?> Sometimes<T>(int percent, Gen<T> gen) where T : class
    {
        var absent = Gen.Const((T?)null);
        var present = gen.Select(value => (T?)value);
        return Chance(percent).SelectMany(isPresent => isPresent ? present : absent);
    }

    /// <summary>Each element of the pool with the given chance, in pool order.</summary>
    public static Gen<T[]> Subset<T>(T[] pool, int percent) =>
        Chance(percent).Array[pool.Length].Select(picked => pool.Where((_, i) => picked[i]).ToArray());

    /// <summary>One value per generator, in order.</summary>
    public static Gen<T[]> All<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(() => Array.Empty<T>()), (done, next) => from items in done from item in next select (T[])[.. items, item]);

    /// <summary>For each key of the pool, with the given chance, an item made for that key.</summary>
    public static Gen<T[]> Keyed<T>(string[] keys, int percent, Func<string, Gen<T>> item) where T : class =>
        All(keys.Select(key => Sometimes(percent, item(key)))).Select(items => items.OfType<T>().ToArray());

    /// <summary>A fresh node for each draw: a node can have only one parent.</summary>
    public static Gen<JsonNode> JsonOf(params string[] json) => Gen.Int[0, json.Length - 1].Select(i => JsonNode.Parse(json[i])!);

    public static JsonArray ArrayOf(IEnumerable<JsonNode> items) => new([.. items]);

    public static JsonObject ObjectOf(IEnumerable<(string Key, JsonNode? Value)> members)
    {
        var result = new JsonObject();
        foreach (var (key, value) in members)
            result[key] = value;
        return result;
    }
}
